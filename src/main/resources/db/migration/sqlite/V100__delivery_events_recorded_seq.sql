-- On SQLite the outbox numbers each event MAX(recorded_seq) + 1 (one writer at a time, so no race). The only index
-- on recorded_seq was partial (WHERE feed_position IS NULL), which cannot answer MAX over every row, so each insert
-- scanned the whole table (EXPLAIN: "SEARCH delivery_events", 200 000 full-scan steps for 200 000 events). With this
-- index MAX is one step down its right edge. PostgreSQL takes the number from a sequence (V51) and needs no index.
CREATE INDEX delivery_events_recorded_seq ON delivery_events (recorded_seq);
