-- Insertion order of outbox events. Values are taken at insert, not at commit: only the feed sequencer's order
-- (feed_position) is commit order.
CREATE SEQUENCE delivery_events_recorded_seq;
