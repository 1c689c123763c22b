/**
 * The payment rules in plain Java: attempt statuses and how a provider's answer moves them, the query schedule,
 * the circuit breaker. No framework here.
 */
@org.springframework.modulith.NamedInterface("domain")
package io.orderkeep.payment.domain;
