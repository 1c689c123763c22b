/** The command line: {@code serve} (the default) and the operator commands that run beside or instead of it. */
package io.orderkeep.cli;
