package io.orderkeep.payment.internal;

import io.orderkeep.payment.PaymentProvider;
import io.orderkeep.payment.ProviderUnavailable;
import io.orderkeep.payment.domain.CircuitBreaker;
import io.orderkeep.platform.OrderkeepProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The providers Orderkeep knows, each behind its own circuit breaker: a provider that keeps failing is not called
 * for a while, and its calls fail at once with {@link ProviderUnavailable}, so the watch moves on to other work.
 */
@Component
public class Providers {

    /** The provider an order gets when it names none. */
    public static final String DEFAULT = "sandbox";

    private final Map<String, PaymentProvider> byName;
    private final Map<String, CircuitBreaker> breakers;
    private final OrderkeepProperties properties;
    private final Environment environment;
    private volatile String notifyBase;

    /**
     * @param breakerPause how long a provider's calls pause once its breaker opens ({@code orderkeep.watch.breaker-pause},
     *     30 s; the demo shortens it with the rest of its compressed schedule)
     */
    Providers(List<PaymentProvider> providers, Clock clock, OrderkeepProperties properties, Environment environment,
            @Value("${orderkeep.watch.breaker-pause:30s}") Duration breakerPause) {
        this.byName = providers.stream().collect(Collectors.toUnmodifiableMap(PaymentProvider::name, p -> p));
        this.breakers = providers.stream().collect(Collectors.toUnmodifiableMap(PaymentProvider::name,
                p -> new CircuitBreaker(5, breakerPause, clock)));
        this.properties = properties;
        this.environment = environment;
    }

    public Optional<PaymentProvider> find(String name) {
        return Optional.ofNullable(byName.get(name == null ? DEFAULT : name));
    }

    public PaymentProvider get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("no payment provider named '" + name + "'"));
    }

    public CircuitBreaker breaker(String name) {
        return breakers.get(name);
    }

    /** The providers whose breaker is open now: their calls are paused. */
    public List<String> paused() {
        return breakers.entrySet().stream().filter(e -> !e.getValue().allows()).map(Map.Entry::getKey).toList();
    }

    /** Calls the provider through its breaker. Only {@link ProviderUnavailable} counts as the provider failing. */
    public <T> T call(String name, Function<PaymentProvider, T> call) {
        CircuitBreaker breaker = breakers.get(name);
        if (!breaker.allows()) {
            throw new ProviderUnavailable("provider " + name + " is failing: calls paused until " + breaker.retryAt());
        }
        try {
            T result = call.apply(get(name));
            breaker.succeeded();
            return result;
        } catch (ProviderUnavailable e) {
            breaker.failed();
            throw e;
        }
    }

    /** Where a provider sends its notifications: this instance's public URL, or localhost and the port. */
    public String notifyUrl(String name) {
        return notifyBase() + "/api/v1/providers/" + name + "/notify";
    }

    /**
     * Resolved once the server listens, then kept: every order's opening needs it, and reading the environment
     * takes a lock on the system properties that many requests at once would queue on.
     */
    private String notifyBase() {
        String base = notifyBase;
        if (base != null) {
            return base;
        }
        base = properties.publicUrl();
        String port = environment.getProperty("local.server.port");
        if (base == null || base.isBlank()) {
            base = "http://127.0.0.1:" + (port != null ? port : environment.getProperty("server.port", "8080"));
        }
        base = base.replaceAll("/+$", "");
        if (port != null || properties.publicUrl() != null) {
            notifyBase = base;
        }
        return base;
    }
}
