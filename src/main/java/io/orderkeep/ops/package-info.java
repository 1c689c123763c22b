/**
 * Operations: what an operator needs to run Orderkeep — request ids and masked logs, business metrics computed
 * from the database, health and readiness, alert notifications to chat webhooks and e-mail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package io.orderkeep.ops;
