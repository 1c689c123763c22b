/**
 * The order's rules in plain Java: statuses and their legal transitions, money, hops. No framework here.
 */
@org.springframework.modulith.NamedInterface("domain")
package io.orderkeep.order.domain;
