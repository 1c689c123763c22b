-- The outbox: every order event, written in the transaction of the change it describes. recorded_seq is the order
-- of insertion (a sequence on PostgreSQL, V51); feed_position is NULL until the feed sequencer gives the event its
-- place in the pull feed after commit (see FeedSequencer for why insertion order is not enough).
CREATE TABLE delivery_events (
    id             TEXT PRIMARY KEY,
    merchant_id    TEXT NOT NULL,
    order_id       TEXT NOT NULL,
    order_seq      BIGINT NOT NULL,
    type           TEXT NOT NULL,
    occurred_at    BIGINT NOT NULL,
    recorded_at    BIGINT NOT NULL,
    recorded_seq   BIGINT NOT NULL,
    payload        TEXT NOT NULL,
    feed_position  BIGINT UNIQUE,
    acked_at       BIGINT,
    UNIQUE (order_id, order_seq)
);
CREATE INDEX delivery_events_unsequenced ON delivery_events (recorded_seq) WHERE feed_position IS NULL;
CREATE INDEX delivery_events_feed ON delivery_events (merchant_id, feed_position);
CREATE INDEX delivery_events_unacked ON delivery_events (merchant_id, feed_position) WHERE acked_at IS NULL;
CREATE INDEX delivery_events_recorded ON delivery_events (recorded_at);

-- The one row the feed sequencer locks: the last position it gave out.
CREATE TABLE delivery_feed_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    position  BIGINT NOT NULL
);
INSERT INTO delivery_feed_head (id, position) VALUES (1, 0);

-- Where merchants want their events pushed. Secrets are stored encrypted (SecretBox); the previous secret keeps
-- signing until previous_secret_until after a rotation.
CREATE TABLE webhook_endpoints (
    id                     TEXT PRIMARY KEY,
    merchant_id            TEXT NOT NULL REFERENCES merchants (id),
    url                    TEXT NOT NULL,
    events                 TEXT NOT NULL,
    description            TEXT,
    secret                 TEXT NOT NULL,
    previous_secret        TEXT,
    previous_secret_until  BIGINT,
    status                 TEXT NOT NULL,
    disabled_reason        TEXT,
    disabled_at            BIGINT,
    created_at             BIGINT NOT NULL,
    updated_at             BIGINT NOT NULL,
    version                BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_merchant ON webhook_endpoints (merchant_id, status);

-- One row per (event, endpoint). status PENDING | RETRYING | DELIVERED | DEAD; lease_until/lease_owner mark a row
-- that a dispatcher has claimed and is sending.
CREATE TABLE webhook_deliveries (
    id               TEXT PRIMARY KEY,
    event_id         TEXT NOT NULL REFERENCES delivery_events (id),
    endpoint_id      TEXT NOT NULL REFERENCES webhook_endpoints (id),
    merchant_id      TEXT NOT NULL,
    order_id         TEXT NOT NULL,
    order_seq        BIGINT NOT NULL,
    status           TEXT NOT NULL,
    attempts         INTEGER NOT NULL,
    round_attempts   INTEGER NOT NULL,
    next_attempt_at  BIGINT NOT NULL,
    lease_until      BIGINT,
    lease_owner      TEXT,
    last_status      INTEGER,
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
CREATE INDEX webhook_deliveries_order ON webhook_deliveries (endpoint_id, order_id, order_seq);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

-- Every attempt: what came back, how fast, the first KiB of the answer.
CREATE TABLE webhook_attempts (
    delivery_id    TEXT NOT NULL REFERENCES webhook_deliveries (id),
    attempt        INTEGER NOT NULL,
    at             BIGINT NOT NULL,
    status_code    INTEGER,
    latency_ms     BIGINT NOT NULL,
    response_body  TEXT,
    error          TEXT,
    PRIMARY KEY (delivery_id, attempt)
);
