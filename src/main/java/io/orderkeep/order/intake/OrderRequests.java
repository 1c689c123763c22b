package io.orderkeep.order.intake;

import io.orderkeep.access.Merchant;
import io.orderkeep.access.Merchants;
import io.orderkeep.order.domain.LineItem;
import io.orderkeep.order.domain.Money;
import io.orderkeep.order.domain.OrderLimits;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a create request into a {@link NewOrder}, or rejects it with every invalid field named (400
 * {@code validation_failed}). Unknown fields are ignored. A merchant key creates for its own merchant: a
 * {@code merchantId} naming any other is invalid (the same answer whether that merchant exists or not).
 */
@Component
class OrderRequests {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LOCALES = Set.of("zh-CN", "en");
    private static final List<String> ADDRESS = List.of("line1", "line2", "city", "region", "postalCode");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final Merchants merchants;
    private final JsonMapper json;
    /** Merchants never change once created, so a known one need not be read again for every order. */
    private final Map<String, Merchant> known = new ConcurrentHashMap<>();

    OrderRequests(Merchants merchants, JsonMapper json) {
        this.merchants = merchants;
        this.json = json;
    }

    NewOrder parse(JsonNode body, Caller caller) {
        if (body == null || !body.isObject()) {
            throw ApiException.malformed("The request body must be a JSON object.");
        }
        var fields = new Fields();
        Merchant merchant = merchant(fields, body, caller);
        String ref = fields.text(body, "merchantOrderRef", "merchantOrderRef", false, 128);
        String code = fields.text(body, "currency", "currency", true, 3);
        Currency currency = code == null ? null : Money.currency(code).orElse(null);
        if (code != null && currency == null) {
            fields.reject("currency", "must be an ISO 4217 currency code such as CNY, JPY or USD");
        }
        List<LineItem> items = items(fields, body, currency);
        Map<String, Object> address = address(fields, body);
        String country = address == null ? null : (String) address.get("country");
        Map<String, Object> customer = customer(fields, body, country, merchant);
        Map<String, Object> payment = given(fields, body, "payment");
        if (payment != null && payment.containsKey("provider")
                && !(payment.get("provider") instanceof String p && p.matches("[a-z0-9_-]{1,32}"))) {
            fields.reject("payment.provider", "must be a provider name such as sandbox");
        }
        Map<String, Object> metadata = given(fields, body, "metadata");
        if (metadata != null && metadata.size() > 50) {
            fields.reject("metadata", "must have at most 50 keys");
        }
        long total = 0;
        if (fields.errors.isEmpty()) {
            total = OrderLimits.total(items, currency).amount();
            if (total > Money.maxUnitAmount(currency) * OrderLimits.MAX_QUANTITY) {
                fields.reject("items", "the order's total is too large");
            }
        }
        if (!fields.errors.isEmpty()) {
            throw ApiException.validation(fields.errors);
        }
        return new NewOrder(merchant, ref, code, items, total, customer, address, metadata, payment);
    }

    private Merchant merchant(Fields fields, JsonNode body, Caller caller) {
        String id = fields.text(body, "merchantId", "merchantId", caller.role() != Role.MERCHANT, 64);
        if (caller.role() == Role.MERCHANT) {
            if (id != null && !id.equals(caller.merchantId())) {
                fields.reject("merchantId", "must be your own merchant (or left out)");
                return null;
            }
            id = caller.merchantId();
        }
        if (id == null) {
            return null;
        }
        Merchant merchant = known.get(id);
        if (merchant == null) {
            merchant = merchants.find(id).orElse(null);
            if (merchant == null) {
                fields.reject("merchantId", "is not a known merchant");
                return null;
            }
            known.put(id, merchant);
        }
        return merchant;
    }

    private List<LineItem> items(Fields fields, JsonNode body, Currency currency) {
        JsonNode array = fields.array(body, "items", "items");
        var items = new ArrayList<LineItem>();
        if (array == null) {
            return items;
        }
        String unit = currency == null ? "minor units" : "minor units of " + currency.getCurrencyCode() + " ("
                + currency.getDefaultFractionDigits() + " minor digits)";
        int before = fields.errors.size();
        for (int i = 0; i < array.size() && i <= OrderLimits.MAX_ITEMS; i++) {
            String at = "items[" + i + "]";
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                fields.reject(at, "must be an object");
                continue;
            }
            String sku = fields.text(item, "sku", at + ".sku", true, 64);
            String name = fields.text(item, "name", at + ".name", true, 200);
            Long quantity = fields.integer(item, "quantity", at + ".quantity", "items");
            Long unitAmount = fields.integer(item, "unitAmount", at + ".unitAmount", unit);
            if (sku != null && name != null && quantity != null && unitAmount != null) {
                items.add(new LineItem(sku, name, quantity, unitAmount));
            }
        }
        if (fields.errors.size() == before && currency != null) {
            if (array.size() > OrderLimits.MAX_ITEMS) {
                fields.reject("items", "must contain at most " + OrderLimits.MAX_ITEMS + " items");
            } else {
                OrderLimits.check(items, currency).forEach(v -> fields.reject(v.field(), v.message()));
            }
        }
        return items;
    }

    private Map<String, Object> address(Fields fields, JsonNode body) {
        JsonNode node = fields.object(body, "shippingAddress", "shippingAddress", false);
        if (node == null) {
            return null;
        }
        var address = new LinkedHashMap<String, Object>();
        String country = fields.text(node, "country", "shippingAddress.country", false, 2);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                fields.reject("shippingAddress.country", "must be an ISO 3166 country code such as CN or US");
            }
            address.put("country", country);
        }
        for (String name : ADDRESS) {
            String value = fields.text(node, name, "shippingAddress." + name, false, 200);
            if (value != null) {
                address.put(name, value);
            }
        }
        return address;
    }

    private Map<String, Object> customer(Fields fields, JsonNode body, String country, Merchant merchant) {
        JsonNode node = fields.object(body, "customer", "customer", false);
        var customer = new LinkedHashMap<String, Object>();
        if (node != null) {
            String name = fields.text(node, "name", "customer.name", false, 200);
            if (name != null) {
                customer.put("name", name);
            }
            String email = fields.text(node, "email", "customer.email", false, 254);
            if (email != null) {
                Contact.email(email).ifPresentOrElse(e -> customer.put("email", e),
                        () -> fields.reject("customer.email", "is not a valid e-mail address"));
            }
            String phone = fields.text(node, "phone", "customer.phone", false, 32);
            if (phone != null) {
                Contact.phone(phone, country).ifPresentOrElse(p -> customer.put("phone", p),
                        () -> fields.reject("customer.phone", "is not a valid phone number (give it as +86…, or give"
                                + " a shipping country for a national number)"));
            }
        }
        String locale = node == null ? null : fields.text(node, "locale", "customer.locale", false, 5);
        if (locale != null && !LOCALES.contains(locale)) {
            fields.reject("customer.locale", "must be zh-CN or en");
        }
        customer.put("locale", locale != null ? locale : merchant != null ? merchant.defaultLocale() : "en");
        return customer;
    }

    private Map<String, Object> given(Fields fields, JsonNode body, String name) {
        JsonNode node = fields.object(body, name, name, false);
        return node == null ? null : json.treeToValue(node, OBJECT);
    }
}
