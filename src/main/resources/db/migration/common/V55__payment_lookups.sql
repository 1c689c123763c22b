-- Look-ups the payments module offers other modules (PaymentRecords), fast enough for a ten-million-row settlement
-- file read in batches: attempts by the provider's reference, attempts and refunds succeeded within a window (in
-- keyset pages), refunds of a batch of attempts. succeeded_at is when Orderkeep learned the money arrived; attempts
-- that succeeded before this migration take their last update time, the best stored approximation.
ALTER TABLE payment_attempts ADD COLUMN succeeded_at BIGINT;
UPDATE payment_attempts SET succeeded_at = updated_at WHERE status = 'SUCCEEDED';
CREATE INDEX payment_attempts_provider_ref ON payment_attempts (provider_ref);
CREATE INDEX payment_attempts_succeeded ON payment_attempts (succeeded_at, id);
CREATE INDEX refunds_attempt ON refunds (attempt_id);
CREATE INDEX refunds_settled ON refunds (status, updated_at, id);
