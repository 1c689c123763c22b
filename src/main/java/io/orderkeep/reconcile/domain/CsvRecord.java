package io.orderkeep.reconcile.domain;

import java.util.List;

/**
 * One record of a CSV file as RFC 4180 reads it: the physical line it starts on, its fields (unquoted), and why
 * it is malformed ({@code null} when it is not).
 */
record CsvRecord(long line, List<String> fields, String malformation) {

    boolean isBlank() {
        return fields.size() == 1 && fields.getFirst().isBlank();
    }
}
