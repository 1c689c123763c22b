-- Orders. Items, customer, address, metadata and the payment request are kept as JSON text: they are read with
-- the order and never queried on their own, so one row per order keeps intake to few statements.
CREATE TABLE orders (
    id                  TEXT PRIMARY KEY,
    number              TEXT NOT NULL,
    merchant_id         TEXT NOT NULL REFERENCES merchants (id),
    merchant_order_ref  TEXT,
    status              TEXT NOT NULL,
    currency            TEXT NOT NULL,
    total_amount        BIGINT NOT NULL,
    refunded_amount     BIGINT NOT NULL,
    items               TEXT NOT NULL,
    customer            TEXT NOT NULL,
    shipping_address    TEXT,
    metadata            TEXT,
    payment_request     TEXT,
    payment_provider    TEXT,
    customer_email      TEXT,
    customer_locale     TEXT NOT NULL,
    needs_attention     BOOLEAN NOT NULL,
    attention_reason    TEXT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    version             BIGINT NOT NULL,
    CONSTRAINT orders_merchant_ref UNIQUE (merchant_id, merchant_order_ref),
    CONSTRAINT orders_number UNIQUE (merchant_id, number)
);
CREATE INDEX orders_created ON orders (created_at, id);
CREATE INDEX orders_merchant_created ON orders (merchant_id, created_at, id);
CREATE INDEX orders_status_created ON orders (status, created_at, id);

-- The hop ledger: where each order must still come back from.
CREATE TABLE order_hops (
    order_id     TEXT NOT NULL REFERENCES orders (id),
    hop          TEXT NOT NULL,
    state        TEXT NOT NULL,
    due_at       BIGINT NOT NULL,
    returned_at  BIGINT,
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (order_id, hop)
);
CREATE INDEX order_hops_due ON order_hops (state, due_at);

-- Every change of an order, numbered per order.
CREATE TABLE order_history (
    order_id     TEXT NOT NULL REFERENCES orders (id),
    seq          INTEGER NOT NULL,
    at           BIGINT NOT NULL,
    type         TEXT NOT NULL,
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    actor        TEXT NOT NULL,
    source       TEXT NOT NULL,
    reason       TEXT,
    detail       TEXT NOT NULL,
    PRIMARY KEY (order_id, seq)
);

-- One idempotency key, one order: the key is claimed in the transaction that inserts the order, and holds the
-- first response once it is final, so that retries get it again.
CREATE TABLE idempotency_keys (
    merchant_id      TEXT NOT NULL,
    idem_key         TEXT NOT NULL,
    request_hash     TEXT NOT NULL,
    state            TEXT NOT NULL,
    order_id         TEXT,
    response_status  INTEGER,
    response_body    TEXT,
    locked_until     BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (merchant_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Server secrets of the order module (the tracking-link key), made once by the first instance that needs them.
CREATE TABLE order_secrets (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
