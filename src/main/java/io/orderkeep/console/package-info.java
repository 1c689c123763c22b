/**
 * The operator console at {@code /console} (server-rendered with Thymeleaf, htmx for partial updates, ECharts for
 * charts) and the customer tracking page at {@code /track/{orderId}}. It owns no data: every page reads, and every
 * action changes, through the other modules' services with the signed-in user's {@link io.orderkeep.platform.Caller},
 * so the API's role and merchant rules hold and the audit trail names {@code user:NAME}. See docs/console.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package io.orderkeep.console;
