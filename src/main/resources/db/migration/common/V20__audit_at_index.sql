-- The audit API filters by time (?from=&to=); entries are listed in seq order within that range.
CREATE INDEX audit_entries_at ON audit_entries (at, seq);
