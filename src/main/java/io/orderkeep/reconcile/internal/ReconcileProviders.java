package io.orderkeep.reconcile.internal;

import io.orderkeep.payment.PaymentProvider;
import io.orderkeep.platform.ApiException;
import io.orderkeep.reconcile.domain.CsvMapping;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The providers reconciliation knows: their file format and the time zone their settlement days are cut in
 * ({@code orderkeep.reconcile.providers.<name>.zone}; the sandbox's default, Asia/Shanghai, otherwise). A payment
 * provider of the payments module sends the sandbox format; {@code wechat} and {@code alipay} name the trade bills.
 */
@Component
class ReconcileProviders {

    private final List<PaymentProvider> payments;
    private final Environment environment;

    ReconcileProviders(List<PaymentProvider> payments, Environment environment) {
        this.payments = payments;
        this.environment = environment;
    }

    CsvMapping mapping(String provider) {
        return switch (provider) {
            case "wechat" -> CsvMapping.wechatPayTradeBill();
            case "alipay" -> CsvMapping.alipayTradeBill();
            default -> {
                if (!"sandbox".equals(provider) && paymentProvider(provider).isEmpty()) {
                    throw ApiException.validation("provider", "unknown provider '" + provider + "'");
                }
                yield CsvMapping.sandbox();
            }
        };
    }

    ZoneId zone(String provider) {
        String configured = environment.getProperty("orderkeep.reconcile.providers." + provider + ".zone");
        return configured != null ? ZoneId.of(configured) : ZoneId.of("Asia/Shanghai");
    }

    Optional<PaymentProvider> paymentProvider(String name) {
        return payments.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
