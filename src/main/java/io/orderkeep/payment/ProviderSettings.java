package io.orderkeep.payment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * One provider's settings, bound from {@code orderkeep.providers.<name>.*} (so also from
 * {@code ORDERKEEP_PROVIDERS_<NAME>_*} variables).
 *
 * @param url the provider's base URL
 * @param secret the signing secret; never logged ({@link #toString()} masks it)
 * @param querySchedule when the watch queries a payment still open, counted from its opening
 * @param notificationTolerance how far a notification's timestamp may be from our clock
 * @param expiryWindow how long an order may stay unpaid before it is expired (once the provider confirms it unpaid)
 * @param retryFailed whether a failure the provider marks retryable opens a new attempt by itself
 */
public record ProviderSettings(String url, String secret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue({"30s", "1m", "2m", "5m", "15m", "1h", "6h", "24h"}) List<Duration> querySchedule,
        @DefaultValue("5m") Duration notificationTolerance,
        @DefaultValue("30m") Duration expiryWindow,
        @DefaultValue("false") boolean retryFailed) {

    public ProviderSettings {
        querySchedule = List.copyOf(querySchedule);
        if (querySchedule.isEmpty()) {
            throw new IllegalArgumentException("a provider's query schedule needs at least one step");
        }
    }

    /** Binds {@code orderkeep.providers.<name>.*}, taking the given URL and secret when none is configured. */
    public static ProviderSettings bind(Environment environment, String name, String defaultUrl, String defaultSecret) {
        var bound = Binder.get(environment).bindOrCreate("orderkeep.providers." + name, ProviderSettings.class);
        return new ProviderSettings(blank(bound.url) ? defaultUrl : bound.url,
                blank(bound.secret) ? defaultSecret : bound.secret, bound.connectTimeout, bound.readTimeout,
                bound.querySchedule, bound.notificationTolerance, bound.expiryWindow, bound.retryFailed);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "ProviderSettings[url=" + url + ", secret=***, connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", querySchedule=" + querySchedule + ", notificationTolerance=" + notificationTolerance
                + ", expiryWindow=" + expiryWindow + ", retryFailed=" + retryFailed + "]";
    }
}
