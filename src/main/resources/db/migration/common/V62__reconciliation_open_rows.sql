-- The metrics count discrepancies by resolution every refresh; matched rows (most of a file) stay out of this index.
CREATE INDEX reconciliation_rows_discrepancies ON reconciliation_rows (resolution) WHERE kind <> 'MATCHED';
