-- The provider's own time for each notification event (occurredAt in the sandbox's body), beside when we received
-- it: the difference is the notification lag per provider. NULL for events stored before this column, or when a
-- provider's notification states no time.
ALTER TABLE provider_events ADD COLUMN occurred_at BIGINT;

-- The lag query reads the last hour (or so) of receipts.
CREATE INDEX provider_events_received ON provider_events (received_at);
