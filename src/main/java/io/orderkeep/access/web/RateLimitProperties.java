package io.orderkeep.access.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderkeep.rate-limit.*}: how many requests a key and a client address may make.
 *
 * @param enabled false turns rate limiting off (benchmarks, a trusted network)
 * @param key per API key: sustained requests a second and burst
 * @param address per client address, counted before the key is even looked up
 * @param maxTracked how many keys or addresses each limiter remembers at most
 */
@ConfigurationProperties("orderkeep.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue Key key,
        @DefaultValue Address address, @DefaultValue("100000") int maxTracked) {

    public record Key(@DefaultValue("50") double perSecond, @DefaultValue("100") int burst) {}

    public record Address(@DefaultValue("100") double perSecond, @DefaultValue("200") int burst) {}
}
