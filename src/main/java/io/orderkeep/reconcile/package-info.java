/**
 * Reconciliation: the provider's settlement file matched row by row against the payments Orderkeep stored, every
 * row ending matched, a discrepancy, or rejected with a reason.
 */
package io.orderkeep.reconcile;
