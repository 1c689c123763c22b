package io.orderkeep.order.intake;

import io.orderkeep.access.Merchant;
import io.orderkeep.order.domain.LineItem;
import java.util.List;
import java.util.Map;

/**
 * A create request after validation and normalisation: what is stored, and what two requests with one idempotency
 * key are compared by (so {@code " Li@Example.COM"} and {@code "Li@example.com"} are the same request).
 */
public record NewOrder(Merchant merchant, String merchantOrderRef, String currency, List<LineItem> items,
        long totalAmount, Map<String, Object> customer, Map<String, Object> shippingAddress,
        Map<String, Object> metadata, Map<String, Object> payment) {

    public String customerEmail() {
        return customer.get("email") instanceof String email ? email : null;
    }

    public String customerLocale() {
        return (String) customer.get("locale");
    }

    public String paymentProvider() {
        return payment != null && payment.get("provider") instanceof String provider ? provider : null;
    }
}
