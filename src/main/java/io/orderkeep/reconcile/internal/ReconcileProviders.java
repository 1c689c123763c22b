package io.orderkeep.reconcile.internal;

import io.orderkeep.payment.PaymentProvider;
import io.orderkeep.payment.PaymentRecords;
import io.orderkeep.platform.ApiException;
import io.orderkeep.reconcile.domain.CsvMapping;
import io.orderkeep.reconcile.domain.CsvMappings;
import io.orderkeep.reconcile.domain.LocalPayments;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The providers reconciliation knows, each configured under {@code orderkeep.reconcile.providers.<name>.}:
 * <ul>
 * <li>{@code format}: the built-in layout its file follows ({@code sandbox}, {@code wechat}, {@code alipay});
 * default the provider's own name when it is one of them, else {@code sandbox} (what a payment provider of the
 * payments module sends);
 * <li>{@code mapping.*}: keys of {@link CsvMappings} laid over that layout, so a new provider's bill is read
 * without new code;
 * <li>{@code zone}: the time zone its settlement days are cut in, default Asia/Shanghai (the sandbox's);
 * <li>{@code payments}: the name its payment attempts are stored under, default the provider's own.
 * </ul>
 * A name is known when it is a built-in layout, a payment provider, or configured with a format or a mapping.
 */
@Component
class ReconcileProviders {

    private static final String PREFIX = "orderkeep.reconcile.providers.";

    private final List<PaymentProvider> payments;
    private final PaymentRecords records;
    private final Environment environment;

    ReconcileProviders(List<PaymentProvider> payments, PaymentRecords records, Environment environment) {
        this.payments = payments;
        this.records = records;
        this.environment = environment;
    }

    CsvMapping mapping(String provider) {
        // A provider's name becomes part of configuration keys: anything else is no provider we could know.
        if (!provider.matches("[a-z0-9][a-z0-9-]*")) {
            throw ApiException.validation("provider", "unknown provider '" + provider + "'");
        }
        Map<String, String> overrides = overrides(provider);
        String format = environment.getProperty(PREFIX + provider + ".format");
        if (format == null && overrides.isEmpty() && !CsvMappings.layouts().contains(provider)
                && paymentProvider(provider).isEmpty()) {
            throw ApiException.validation("provider", "unknown provider '" + provider + "'");
        }
        if (format == null) {
            format = CsvMappings.layouts().contains(provider) ? provider : CsvMappings.SANDBOX;
        }
        try {
            return CsvMappings.over(format, overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the settlement mapping of provider '" + provider + "' ("
                    + PREFIX + provider + ".format / .mapping.*) is wrong: " + e.getMessage(), e);
        }
    }

    ZoneId zone(String provider) {
        String configured = environment.getProperty(PREFIX + provider + ".zone");
        return configured != null ? ZoneId.of(configured) : ZoneId.of("Asia/Shanghai");
    }

    /** The provider's stored payments, as its runs match them. */
    LocalPayments payments(String provider) {
        return new RecordedPayments(records, environment.getProperty(PREFIX + provider + ".payments", provider));
    }

    Optional<PaymentProvider> paymentProvider(String name) {
        return payments.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Every key under {@code .mapping.}, nested ones as dotted keys ({@code columns.amount}). */
    private Map<String, String> overrides(String provider) {
        return Binder.get(environment).bind(PREFIX + provider + ".mapping", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }
}
