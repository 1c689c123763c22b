/** Access rules in plain Java: the token buckets that rate limiting is made of. */
@org.springframework.modulith.NamedInterface("domain")
package io.orderkeep.access.domain;
