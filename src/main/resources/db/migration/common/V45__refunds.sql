-- Refunds asked through the API. A row is written PENDING before the provider is called (its id is the refund id
-- the provider is idempotent on), so a retry after an unclear answer reuses it and never refunds twice.
CREATE TABLE refunds (
    id            TEXT PRIMARY KEY,
    order_id      TEXT NOT NULL,
    attempt_id    TEXT NOT NULL,
    amount        BIGINT NOT NULL,
    reason        TEXT,
    status        TEXT NOT NULL,
    provider_ref  TEXT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX refunds_order ON refunds (order_id, status);
