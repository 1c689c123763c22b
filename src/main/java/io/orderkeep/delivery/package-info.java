/**
 * Getting every order event to the merchant: the transactional outbox (written by a listener on
 * {@link io.orderkeep.order.OrderEvent} inside the change's transaction), webhook endpoints, the Standard Webhooks
 * dispatcher with retries and dead letters, the pull feed, and the merchant hop of the ledger.
 */
package io.orderkeep.delivery;
