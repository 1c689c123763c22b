/**
 * Who may do what: merchants, API keys (kept only as hashes), roles and merchant scoping, console login.
 */
package io.orderkeep.access;
