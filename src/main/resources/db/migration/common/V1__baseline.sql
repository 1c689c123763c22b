-- Merchants: the shops Orderkeep keeps orders for.
CREATE TABLE merchants (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    default_locale  TEXT NOT NULL,
    time_zone       TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
