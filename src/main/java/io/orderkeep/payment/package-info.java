/**
 * Payments: attempts, the provider interface, notifications in and the watch that queries providers until every
 * payment's outcome is known. Provider adapters ({@code io.orderkeep.provider.*}) implement {@link PaymentProvider}.
 */
package io.orderkeep.payment;
