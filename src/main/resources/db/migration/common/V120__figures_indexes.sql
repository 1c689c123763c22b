-- The metrics refresh (every 30 s on every instance, ops FiguresReader) counts these; without an index each count
-- read the whole table. Partial indexes hold only the few rows counted, so they stay small as the tables grow.

-- The watch's escalations: their count and the time of the last one (the watch-escalating alert).
CREATE INDEX order_history_watch ON order_history (at) WHERE source = 'watch';

-- Order changes made by the watch's queries.
CREATE INDEX order_history_query_changes ON order_history (order_id)
    WHERE source = 'query' AND from_status IS NOT NULL AND from_status <> to_status;

-- Orders flagged for a person.
CREATE INDEX orders_needing_attention ON orders (id) WHERE needs_attention = TRUE;

-- Backlog, dead letters and attempts per endpoint: every delivery counts (a sum of attempts), so the index covers
-- the query and PostgreSQL answers it from the index alone instead of reading the wide table rows.
CREATE INDEX webhook_deliveries_endpoint_figures ON webhook_deliveries (endpoint_id, status, attempts);
