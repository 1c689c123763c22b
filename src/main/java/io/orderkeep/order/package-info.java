/**
 * Orders: intake, idempotency, the order state machine, history, queries and the hop ledger.
 */
package io.orderkeep.order;
