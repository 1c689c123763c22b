package io.orderkeep.access;

import java.time.Instant;

/** A shop that Orderkeep keeps orders for. Its locale and time zone are the defaults for its customers and pages. */
public record Merchant(String id, String name, String defaultLocale, String timeZone, Instant createdAt) {}
