-- Reconciliation runs: one per settlement file (by SHA-256) of a provider and day (two days without any row have
-- byte-identical files, yet different windows and so different results). checkpoint_line is the last file line whose outcome
-- is stored; a run found RUNNING with an expired lease is resumed from there by any instance.
CREATE TABLE reconciliation_runs (
    id               TEXT PRIMARY KEY,
    provider         TEXT NOT NULL,
    file_sha256      TEXT NOT NULL,
    file_path        TEXT NOT NULL,
    day              TEXT NOT NULL,
    zone             TEXT NOT NULL,
    status           TEXT NOT NULL,
    rows_total       BIGINT NOT NULL,
    checkpoint_line  BIGINT NOT NULL DEFAULT 0,
    error            TEXT,
    created_by       TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    finished_at      BIGINT,
    lease_owner      TEXT,
    lease_until      BIGINT,
    version          BIGINT NOT NULL DEFAULT 0,
    UNIQUE (provider, day, file_sha256)
);
CREATE INDEX reconciliation_runs_status ON reconciliation_runs (status, lease_until);

-- Every row's outcome, keyed by (run, line); the final pass's MISSING_AT_PROVIDER verdicts have line 0 and the
-- local payment or refund they name as local_key. row_key and named let a resumed run rebuild what it remembers.
CREATE TABLE reconciliation_rows (
    id               TEXT PRIMARY KEY,
    run_id           TEXT NOT NULL,
    line             BIGINT NOT NULL,
    local_key        TEXT NOT NULL,
    kind             TEXT NOT NULL,
    row_key          TEXT,
    named            TEXT,
    transaction_id   TEXT,
    attempt_id       TEXT,
    refund_id        TEXT,
    order_id         TEXT,
    amount           BIGINT NOT NULL,
    currency         TEXT,
    detail           TEXT NOT NULL,
    resolution       TEXT NOT NULL,
    suggestion       TEXT,
    resolved_action  TEXT,
    resolved_by      TEXT,
    resolved_reason  TEXT,
    resolved_at      BIGINT,
    version          BIGINT NOT NULL DEFAULT 0,
    UNIQUE (run_id, line, local_key)
);
CREATE INDEX reconciliation_rows_kind ON reconciliation_rows (run_id, kind, id);
CREATE INDEX reconciliation_rows_order ON reconciliation_rows (order_id);
