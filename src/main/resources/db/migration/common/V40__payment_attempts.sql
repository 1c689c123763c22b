-- Payment attempts: one try at collecting an order's money through one provider. The id is the provider's
-- outTradeNo. due_at is when the watch should next look at it (query or expire), NULL when nothing is left to do;
-- lease_until keeps a claimed attempt away from other instances while one works on it.
CREATE TABLE payment_attempts (
    id                 TEXT PRIMARY KEY,
    order_id           TEXT NOT NULL,
    provider           TEXT NOT NULL,
    number             INTEGER NOT NULL,
    status             TEXT NOT NULL,
    amount             BIGINT NOT NULL,
    currency           TEXT NOT NULL,
    provider_ref       TEXT,
    pay_url            TEXT,
    opened_at          BIGINT NOT NULL,
    due_at             BIGINT,
    query_count        INTEGER NOT NULL DEFAULT 0,
    expires_at         BIGINT NOT NULL,
    lease_owner        TEXT,
    lease_until        BIGINT,
    retryable_failure  INTEGER NOT NULL DEFAULT 0,
    updated_at         BIGINT NOT NULL,
    version            BIGINT NOT NULL DEFAULT 0,
    UNIQUE (order_id, number)
);
CREATE INDEX payment_attempts_due ON payment_attempts (due_at);
CREATE INDEX payment_attempts_order ON payment_attempts (order_id, number);

-- Every provider event id seen once: a duplicate notification finds its row here and changes nothing.
CREATE TABLE provider_events (
    provider      TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    out_trade_no  TEXT NOT NULL,
    received_at   BIGINT NOT NULL,
    PRIMARY KEY (provider, event_id)
);

-- Verified notifications for payments we do not know: kept for reconciliation, never dropped.
CREATE TABLE orphan_notifications (
    provider      TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    out_trade_no  TEXT NOT NULL,
    provider_ref  TEXT,
    status        TEXT NOT NULL,
    amount        BIGINT NOT NULL,
    currency      TEXT,
    body          TEXT NOT NULL,
    received_at   BIGINT NOT NULL,
    resolved_at   BIGINT,
    PRIMARY KEY (provider, event_id)
);
