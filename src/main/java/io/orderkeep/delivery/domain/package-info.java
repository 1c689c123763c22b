/** Delivery rules in plain Java: when to retry, when to give up, how to sign. */
package io.orderkeep.delivery.domain;
