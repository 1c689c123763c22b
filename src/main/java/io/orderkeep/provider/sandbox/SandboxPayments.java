package io.orderkeep.provider.sandbox;

import io.orderkeep.payment.ProviderPayment;
import io.orderkeep.payment.ProviderUnavailable;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Reads the sandbox's payment objects and statuses. */
final class SandboxPayments {

    private SandboxPayments() {}

    static ProviderPayment payment(JsonNode node, String outTradeNo) {
        if (node.isArray() || node.path("data").isArray()) {
            JsonNode list = node.isArray() ? node : node.path("data");
            return list.isEmpty() ? ProviderPayment.notFound(outTradeNo) : payment(list.get(0), outTradeNo);
        }
        String status = SandboxNotifications.text(node, "status");
        if (status == null) {
            throw new ProviderUnavailable("the sandbox answered a payment without a status");
        }
        String given = SandboxNotifications.text(node, "outTradeNo");
        return new ProviderPayment(SandboxNotifications.text(node, "providerRef"), given == null ? outTradeNo : given,
                status(status), SandboxNotifications.text(node, "payUrl"), node.path("amount").asLong(-1),
                SandboxNotifications.text(node, "currency"), node.path("retryable").asBoolean(false));
    }

    /** Refunded payments were paid first: for the order the money arrived, refunds are their own story. */
    static ProviderPayment.Status status(String status) {
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "PENDING", "CREATED", "PROCESSING" -> ProviderPayment.Status.PENDING;
            case "SUCCEEDED", "PAID", "REFUNDED", "PARTIALLY_REFUNDED" -> ProviderPayment.Status.SUCCEEDED;
            case "FAILED" -> ProviderPayment.Status.FAILED;
            case "CLOSED", "CANCELLED", "EXPIRED" -> ProviderPayment.Status.CLOSED;
            default -> throw new ProviderUnavailable("the sandbox answered an unknown payment status '" + status + "'");
        };
    }
}
