package io.orderkeep.console.ops;

/** What the console's forms send: an empty field means "not given". */
final class Forms {

    private Forms() {}

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
