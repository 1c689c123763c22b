package io.orderkeep.access;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.ApiException.FieldError;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The merchants Orderkeep serves. */
@Service
public class Merchants {

    public static final Set<String> LOCALES = Set.of("zh-CN", "en");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Merchants(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Merchant> find(String id) {
        return jdbc.sql("SELECT id, name, default_locale, time_zone, created_at FROM merchants WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Merchant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))))
                .optional();
    }

    public List<Merchant> list() {
        return jdbc.sql("SELECT id, name, default_locale, time_zone, created_at FROM merchants ORDER BY id")
                .query((rs, n) -> new Merchant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))))
                .list();
    }

    /** Creates a merchant; an id already taken is 409 {@code merchant_exists}. */
    @Transactional
    public Merchant create(String id, String name, String defaultLocale, String timeZone, String actor) {
        var errors = new ArrayList<FieldError>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 1–64 letters, digits, '_' or '-'"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "is required, at most 200 characters"));
        }
        String locale = defaultLocale == null ? "en" : defaultLocale;
        if (!LOCALES.contains(locale)) {
            errors.add(new FieldError("defaultLocale", "must be one of zh-CN, en"));
        }
        String zone = timeZone == null ? "UTC" : timeZone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "is not a known time zone (e.g. Asia/Shanghai)"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        var merchant = new Merchant(id, name.strip(), locale, zone, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            jdbc.sql("INSERT INTO merchants (id, name, default_locale, time_zone, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(merchant.id(), merchant.name(), locale, zone, merchant.createdAt().toEpochMilli())
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("merchant_exists", "Merchant exists", "A merchant with id '" + id + "' already exists.");
        }
        audit.record(actor, "merchant.created", "merchant", id,
                Map.of("name", merchant.name(), "defaultLocale", locale, "timeZone", zone));
        return merchant;
    }
}
