/**
 * Reconciliation's rules in plain Java: reading settlement files (an RFC 4180 parser and a configurable column
 * mapping) and classifying each row against Orderkeep's own payments. No framework, no SQL here.
 */
@org.springframework.modulith.NamedInterface("domain")
package io.orderkeep.reconcile.domain;
