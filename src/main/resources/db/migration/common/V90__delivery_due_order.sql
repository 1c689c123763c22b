-- The dispatcher's claim takes the earliest due deliveries, ORDER BY next_attempt_at, id LIMIT n. With the index in
-- that order the database can walk it and stop after n that pass the claim's other conditions, instead of finding
-- and sorting every due delivery on each claim, which made each claim cost grow with the backlog (bench/delivery.sh
-- on PostgreSQL: claims of 0.2-1.5 s with a few thousand due). The old index on next_attempt_at alone serves nothing
-- this one does not.
DROP INDEX webhook_deliveries_due;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status IN ('PENDING', 'RETRYING');
