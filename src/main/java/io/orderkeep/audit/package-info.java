/**
 * The tamper-evident audit trail: every operation by every actor, hash-chained, verifiable by anyone.
 */
package io.orderkeep.audit;
