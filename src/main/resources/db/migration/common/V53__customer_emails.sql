-- Customer e-mails, written in the transaction of the order change (the outbox) and sent afterwards, retried.
CREATE TABLE customer_emails (
    id               TEXT PRIMARY KEY,
    event_id         TEXT NOT NULL UNIQUE REFERENCES delivery_events (id),
    order_id         TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    locale           TEXT NOT NULL,
    type             TEXT NOT NULL,
    status           TEXT NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  BIGINT NOT NULL,
    lease_until      BIGINT,
    lease_owner      TEXT,
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX customer_emails_due ON customer_emails (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
