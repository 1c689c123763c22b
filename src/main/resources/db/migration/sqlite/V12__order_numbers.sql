-- Order numbers on SQLite: a counter per merchant and day, bumped in the order's transaction (one writer at a time).
CREATE TABLE order_number_counters (
    merchant_id  TEXT NOT NULL,
    day          TEXT NOT NULL,
    last_value   BIGINT NOT NULL,
    PRIMARY KEY (merchant_id, day)
);
