-- The console's endpoint page reads the last 24 hours of attempts per endpoint; without this it would scan them all.
CREATE INDEX webhook_attempts_at ON webhook_attempts (at);
