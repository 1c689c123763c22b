/**
 * The sandbox payment provider: a simulator of a third-party payment provider that runs as its own HTTP server,
 * on its own port, with its own signing secret and its own SQLite file. It speaks the protocol in the
 * "Sandbox provider protocol" section of API.md (see docs/sandbox.md) and can be told to misbehave.
 *
 * <p>Orderkeep itself never calls into this module: it talks to the sandbox over HTTP, as to any provider. Only the
 * command line starts it ({@link io.orderkeep.sandbox.SandboxServer#start(SandboxConfig)}), and tests start it
 * in-process.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package io.orderkeep.sandbox;
