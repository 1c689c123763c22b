-- The provider's reference of the payment a discrepancy names: a refund at the provider is asked for it, and a
-- file's transaction id (the sandbox's, WeChat's refund rows) is not always that reference.
ALTER TABLE reconciliation_rows ADD COLUMN provider_ref TEXT;
