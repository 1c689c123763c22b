package io.orderkeep.console;

import io.orderkeep.access.Merchant;
import io.orderkeep.access.Merchants;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Times as the console and the tracking page show them: in the merchant's time zone, with the zone named
 * ({@code 2026-11-22 16:30:00 Asia/Shanghai}), so that no reader has to guess. Templates call it as
 * {@code ${@consoleTime.format(order.createdAt, order.merchantId)}}; a time that belongs to no merchant is shown in
 * UTC ({@code ${@consoleTime.format(at)}}). A time is an {@link Instant}, epoch milliseconds or an ISO-8601 string
 * (as the API's views carry them); null shows as an empty string.
 */
@Component("consoleTime")
public class ConsoleTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Merchants merchants;
    /** Merchants' zones do not change once created; a restart forgets them anyway. */
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    ConsoleTime(Merchants merchants) {
        this.merchants = merchants;
    }

    public String format(Object at) {
        return format(at, ZoneOffset.UTC);
    }

    public String format(Object at, String merchantId) {
        return format(at, zone(merchantId));
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    public String iso(Object at) {
        Instant instant = instant(at);
        return instant == null ? "" : instant.toString();
    }

    /** The merchant's zone, or UTC for no or an unknown merchant. */
    public ZoneId zone(String merchantId) {
        if (merchantId == null) {
            return ZoneOffset.UTC;
        }
        return zones.computeIfAbsent(merchantId, id -> merchants.find(id).map(ConsoleTime::zoneOf)
                .orElse(ZoneOffset.UTC));
    }

    private static String format(Object at, ZoneId zone) {
        Instant instant = instant(at);
        if (instant == null) {
            return "";
        }
        String name = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        return FORMAT.format(instant.atZone(zone)) + " " + name;
    }

    private static ZoneId zoneOf(Merchant merchant) {
        try {
            return merchant.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(merchant.timeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Instant instant(Object at) {
        return switch (at) {
            case null -> null;
            case Instant instant -> instant;
            case Long millis -> Instant.ofEpochMilli(millis);
            case OffsetDateTime time -> time.toInstant();
            case String text when text.isBlank() -> null;
            case String text -> Instant.parse(text);
            default -> throw new IllegalArgumentException("not a time: " + at.getClass().getSimpleName());
        };
    }
}
