-- Console users: a name, an Argon2id hash of the password (never the password), the role of the HTTP contract and,
-- for merchant users, their merchant. A user is disabled, never deleted, so the audit trail's names stay meaningful.
CREATE TABLE console_users (
    username             TEXT PRIMARY KEY,
    password_hash        TEXT NOT NULL,
    role                 TEXT NOT NULL,
    merchant_id          TEXT REFERENCES merchants (id),
    created_at           BIGINT NOT NULL,
    password_changed_at  BIGINT NOT NULL,
    disabled_at          BIGINT
);
