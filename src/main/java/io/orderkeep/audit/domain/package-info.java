/** The audit chain's rules in plain Java: what an entry is and how its hash is computed and checked. */
@org.springframework.modulith.NamedInterface("domain")
package io.orderkeep.audit.domain;
