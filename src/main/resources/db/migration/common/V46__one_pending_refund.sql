-- At most one refund per order waits for the provider at a time. Two different refunds asked together would both
-- pass the "not more than what is left" check and both reach the provider; the second must wait for the first.
CREATE UNIQUE INDEX refunds_one_pending ON refunds (order_id) WHERE status = 'PENDING';
