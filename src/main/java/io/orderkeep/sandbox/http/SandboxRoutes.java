package io.orderkeep.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.orderkeep.sandbox.Faults;
import io.orderkeep.sandbox.core.SandboxException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Every path the sandbox answers, and the one place its errors become problem details. */
public final class SandboxRoutes implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SandboxRoutes.class.getName());

    private final PaymentsApi payments;
    private final PayPage payPage;
    private final OpsApi ops;

    public SandboxRoutes(PaymentsApi payments, PayPage payPage, OpsApi ops) {
        this.payments = payments;
        this.payPage = payPage;
        this.ops = ops;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange, exchange.getRequestMethod(), segments(exchange.getRequestURI().getPath()));
            } catch (SandboxException e) {
                Http.problem(exchange, e);
            } catch (Faults.Invalid e) {
                Http.problem(exchange, SandboxException.validation(e.field(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "sandbox: " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " failed", e);
                Http.problem(exchange, Http.internalError());
            }
        }
    }

    private void route(HttpExchange ex, String method, List<String> path) throws IOException {
        switch (path) {
            case List<String> p when p.equals(List.of("v1", "payments")) -> {
                switch (method) {
                    case "POST" -> payments.create(ex);
                    case "GET" -> payments.query(ex);
                    default -> notAllowed("GET, POST");
                }
            }
            case List<String> p when p.size() == 3 && p.subList(0, 2).equals(List.of("v1", "payments")) ->
                    only(method, "GET", () -> payments.get(ex, p.get(2)));
            case List<String> p when p.size() == 4 && p.subList(0, 2).equals(List.of("v1", "payments")) -> {
                String ref = p.get(2);
                switch (p.get(3)) {
                    case "close" -> only(method, "POST", () -> payments.close(ex, ref));
                    case "pay" -> only(method, "POST", () -> payments.pay(ex, ref));
                    case "refunds" -> only(method, "POST", () -> payments.refund(ex, ref));
                    case "notifications" -> only(method, "GET", () -> payments.notifications(ex, ref));
                    default -> throw notFound();
                }
            }
            case List<String> p when p.equals(List.of("v1", "faults")) -> {
                switch (method) {
                    case "GET" -> ops.faults(ex);
                    case "POST" -> ops.setFaults(ex);
                    default -> notAllowed("GET, POST");
                }
            }
            case List<String> p when p.size() == 3 && p.subList(0, 2).equals(List.of("v1", "settlements"))
                    && p.get(2).endsWith(".csv") ->
                    only(method, "GET", () -> ops.settlement(ex, p.get(2).substring(0, p.get(2).length() - 4)));
            case List<String> p when p.size() == 2 && p.getFirst().equals("pay") ->
                    only(method, "GET", () -> payPage.show(ex, p.get(1)));
            case List<String> p when p.equals(List.of("health")) -> only(method, "GET", () -> ops.health(ex));
            default -> throw notFound();
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    private static void only(String method, String allowed, Action action) throws IOException {
        if (!method.equals(allowed)) {
            notAllowed(allowed);
        }
        action.run();
    }

    private static void notAllowed(String allowed) {
        throw new SandboxException(405, "method_not_allowed", "Method not allowed",
                "This path accepts " + allowed + ".", List.of(), Map.of());
    }

    private static SandboxException notFound() {
        return SandboxException.notFound("No such path on the sandbox provider.");
    }

    private static List<String> segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
