package io.orderkeep.reconcile.domain;

/** How a raw field becomes its value: surrounding blanks trimmed, then the mapping's prefix (WeChat's backtick). */
final class FieldText {

    private FieldText() {}

    static String clean(String raw, String prefix) {
        String value = raw.strip();
        if (prefix != null && !prefix.isEmpty() && value.startsWith(prefix)) {
            value = value.substring(prefix.length()).strip();
        }
        return value;
    }
}
