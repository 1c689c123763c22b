package io.orderkeep.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"data": [...], "nextCursor": "…" | null}}. */
public record Page<T>(List<T> data, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), nextCursor);
    }

    /** The requested page size, checked against 1–200; 50 when absent. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ApiException.validation("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that there is more, and the
     * cursor is taken from the last row returned.
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, int limit, Function<T, String> cursorOf) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null);
        }
        List<T> page = rowsPlusOne.subList(0, limit);
        return new Page<>(List.copyOf(page), Cursors.encode(cursorOf.apply(page.getLast())));
    }
}
