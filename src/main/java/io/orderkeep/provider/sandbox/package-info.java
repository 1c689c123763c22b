/**
 * The adapter for the sandbox provider: Orderkeep speaks to the sandbox over HTTP only, exactly as to a real
 * provider (API.md, "Sandbox provider protocol"), and checks its notifications' signatures itself.
 */
package io.orderkeep.provider.sandbox;
