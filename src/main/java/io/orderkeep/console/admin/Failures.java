package io.orderkeep.console.admin;

import io.orderkeep.platform.ApiException;
import java.util.stream.Collectors;

/** An API error as one line for a form: the fields at fault when there are some, else the detail. */
final class Failures {

    private Failures() {}

    static String describe(ApiException e) {
        if (e.errors().isEmpty()) {
            return e.getMessage();
        }
        return e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }
}
