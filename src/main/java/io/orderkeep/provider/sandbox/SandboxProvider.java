package io.orderkeep.provider.sandbox;

import io.orderkeep.payment.CreatePayment;
import io.orderkeep.payment.NotificationVerdict;
import io.orderkeep.payment.PaymentProvider;
import io.orderkeep.payment.ProviderPayment;
import io.orderkeep.payment.ProviderRejected;
import io.orderkeep.payment.ProviderSettings;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox provider, over HTTP. Settings from {@code orderkeep.providers.sandbox.*}
 * ({@code ORDERKEEP_PROVIDERS_SANDBOX_URL}, {@code ORDERKEEP_PROVIDERS_SANDBOX_SECRET}); without them, the local
 * sandbox on port 8090 and its development secret.
 */
@Component
class SandboxProvider implements PaymentProvider {

    static final String NAME = "sandbox";
    static final String DEFAULT_URL = "http://127.0.0.1:8090";
    /** Public on purpose: it only ever signs between a developer's own Orderkeep and sandbox. */
    static final String DEVELOPMENT_SECRET = "sandbox-development-secret";

    private final ProviderSettings settings;
    private final SandboxHttp http;
    private final SandboxNotifications notifications;

    SandboxProvider(Environment environment, Clock clock, JsonMapper json) {
        this.settings = ProviderSettings.bind(environment, NAME, DEFAULT_URL, DEVELOPMENT_SECRET);
        this.http = new SandboxHttp(settings, json);
        this.notifications = new SandboxNotifications(settings.secret(), settings.notificationTolerance(), clock, json);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderSettings settings() {
        return settings;
    }

    @Override
    public boolean developmentSecret() {
        return DEVELOPMENT_SECRET.equals(settings.secret());
    }

    @Override
    public ProviderPayment create(CreatePayment request) {
        var body = new LinkedHashMap<String, Object>();
        body.put("outTradeNo", request.outTradeNo());
        body.put("amount", request.amount());
        body.put("currency", request.currency());
        body.put("notifyUrl", request.notifyUrl());
        if (request.reference() != null) {
            body.put("reference", request.reference());
        }
        return SandboxPayments.payment(http.send("POST", "/v1/payments", body).orElseThrow(
                () -> new ProviderRejected(404, "the sandbox has no payments endpoint at " + settings.url())),
                request.outTradeNo());
    }

    @Override
    public ProviderPayment query(String outTradeNo) {
        return http.send("GET", "/v1/payments?outTradeNo=" + URLEncoder.encode(outTradeNo, StandardCharsets.UTF_8), null)
                .map(node -> SandboxPayments.payment(node, outTradeNo))
                .orElseGet(() -> ProviderPayment.notFound(outTradeNo));
    }

    @Override
    public ProviderPayment close(String outTradeNo, String providerRef) {
        try {
            var closed = http.send("POST", "/v1/payments/" + providerRef + "/close", Map.of());
            if (closed.isPresent() && closed.get().has("status")) {
                return SandboxPayments.payment(closed.get(), outTradeNo);
            }
        } catch (ProviderRejected e) {
            // A refused close (a paid payment cannot be closed) is answered by what the payment now is.
            if (e.status() != 409) {
                throw e;
            }
        }
        return query(outTradeNo);
    }

    @Override
    public String refund(String providerRef, String refundId, long amount) {
        JsonNode answer = http.send("POST", "/v1/payments/" + providerRef + "/refunds",
                        Map.of("amount", amount, "refundId", refundId))
                .orElseThrow(() -> new ProviderRejected(404, "the sandbox does not know payment " + providerRef));
        return SandboxNotifications.text(answer, "refundId");
    }

    @Override
    public NotificationVerdict verify(Map<String, String> headers, byte[] body) {
        return notifications.verify(headers, body);
    }

    @Override
    public InputStream settlement(LocalDate date) {
        return http.stream("/v1/settlements/" + date + ".csv");
    }
}
