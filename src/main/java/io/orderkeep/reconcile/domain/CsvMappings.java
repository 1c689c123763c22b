package io.orderkeep.reconcile.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link CsvMapping} written as flat keys ({@code columns.amount}, {@code amount-unit}, {@code status-values.succeeded},
 * …), the form a deployment gives under {@code orderkeep.reconcile.providers.<name>.mapping.*}. The built-in layouts
 * ({@value #SANDBOX}, {@value #WECHAT}, {@value #ALIPAY}) are written the same way, in {@code csv-layouts.properties}
 * beside this class, and a configured mapping is laid over one of them key by key.
 *
 * <p>Provider words are values, never keys ({@code status-values.succeeded=SUCCESS,REFUND}): configuration keys are
 * lower-case ASCII once relaxed binding is done with them, provider words are not. An empty value means "none".
 */
public final class CsvMappings {

    public static final String SANDBOX = "sandbox";
    public static final String WECHAT = "wechat";
    public static final String ALIPAY = "alipay";

    private static final Map<String, Map<String, String>> LAYOUTS = load();

    private static final Set<String> KEYS = Set.of("name", "amount-unit", "default-currency", "zone",
            "timestamp-pattern", "delimiter", "charset", "skip-lines", "comment-prefix", "summary-marker",
            "field-prefix");
    private static final Set<String> COLUMNS = Set.of("transaction-id", "provider-ref", "out-trade-no", "type",
            "status", "amount", "currency", "fee", "occurred-at", "refund-transaction-id", "out-refund-no",
            "refund-amount");

    private CsvMappings() {}

    /** The names of the built-in layouts. */
    public static Set<String> layouts() {
        return LAYOUTS.keySet();
    }

    /** A built-in layout's keys. */
    public static Map<String, String> layout(String layout) {
        Map<String, String> keys = LAYOUTS.get(layout);
        if (keys == null) {
            throw new IllegalArgumentException("no built-in settlement layout '" + layout + "'; known: " + layouts());
        }
        return keys;
    }

    /** A built-in layout as a mapping. */
    public static CsvMapping builtIn(String layout) {
        return of(layout(layout));
    }

    /** {@code overrides} laid over the built-in {@code layout}, key by key, then read as a mapping. */
    public static CsvMapping over(String layout, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(layout(layout));
        merged.putAll(overrides);
        return of(merged);
    }

    /**
     * Reads a mapping from its keys.
     *
     * @throws IllegalArgumentException naming the key that is unknown or holds a value that cannot be read
     */
    public static CsvMapping of(Map<String, String> keys) {
        Map<SettlementStatus, String> statuses = new TreeMap<>();
        Map<RowType, String> types = new TreeMap<>();
        for (String key : keys.keySet()) {
            if (key.startsWith("status-values.")) {
                statuses.put(word(key, SettlementStatus.class), keys.get(key));
            } else if (key.startsWith("type-values.")) {
                types.put(word(key, RowType.class), keys.get(key));
            } else if (!KEYS.contains(key) && !(key.startsWith("columns.")
                    && COLUMNS.contains(key.substring("columns.".length())))) {
                throw new IllegalArgumentException("unknown settlement mapping key '" + key + "'");
            }
        }
        var text = new Text(keys);
        String delimiter = text.get("delimiter", ",");
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("delimiter: one character expected, got '" + delimiter + "'");
        }
        return new CsvMapping(text.get("name", "configured"),
                new CsvColumns(text.column("transaction-id"), text.column("provider-ref"), text.column("out-trade-no"),
                        text.column("type"), text.column("status"), text.column("amount"), text.column("currency"),
                        text.column("fee"), text.column("occurred-at"), text.column("refund-transaction-id"),
                        text.column("out-refund-no"), text.column("refund-amount")),
                AmountUnit.valueOf(text.get("amount-unit", "MINOR").toUpperCase(Locale.ROOT)),
                text.get("default-currency", null), ZoneId.of(text.get("zone", "UTC")),
                text.get("timestamp-pattern", null), words(statuses), words(types), delimiter.charAt(0),
                Charset.forName(text.get("charset", "UTF-8")), Integer.parseInt(text.get("skip-lines", "0")),
                text.get("comment-prefix", null), text.get("summary-marker", null), text.get("field-prefix", null));
    }

    /** Our word of a {@code status-values.x} / {@code type-values.x} key. */
    private static <E extends Enum<E>> E word(String key, Class<E> type) {
        String name = key.substring(key.indexOf('.') + 1).replace('-', '_').toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown settlement mapping key '" + key + "'", e);
        }
    }

    /** Provider word → ours, from ours → "word,word". */
    private static <E> Map<String, E> words(Map<E, String> lists) {
        Map<String, E> byWord = new HashMap<>();
        lists.forEach((ours, list) -> {
            for (String word : list.split(",")) {
                if (!word.isBlank() && byWord.put(word.strip(), ours) != null) {
                    throw new IllegalArgumentException("provider word '" + word.strip() + "' is mapped twice");
                }
            }
        });
        return byWord;
    }

    private record Text(Map<String, String> keys) {

        /** The value, stripped of surrounding blanks unless that leaves nothing (a tab delimiter); empty: none. */
        String get(String key, String absent) {
            String value = keys.get(key);
            if (value == null || value.isEmpty()) {
                return absent;
            }
            return value.isBlank() ? value : value.strip();
        }

        String column(String name) {
            return get("columns." + name, null);
        }
    }

    private static Map<String, Map<String, String>> load() {
        Properties properties = new Properties();
        try (InputStream in = CsvMappings.class.getResourceAsStream("csv-layouts.properties")) {
            if (in == null) {
                throw new IllegalStateException("csv-layouts.properties is missing beside CsvMappings");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> layouts = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            int dot = key.indexOf('.');
            layouts.computeIfAbsent(key.substring(0, dot), k -> new HashMap<>())
                    .put(key.substring(dot + 1), properties.getProperty(key));
        }
        layouts.replaceAll((name, keys) -> Map.copyOf(keys));
        return Map.copyOf(layouts);
    }
}
