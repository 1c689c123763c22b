package io.orderkeep.order.core;

import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Cursors;
import io.orderkeep.platform.Role;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code WHERE} clause of an order list, from its query parameters. A merchant key is always limited to its own
 * merchant; asking for another merchant's orders matches nothing.
 *
 * @param where the clause with a leading space, or empty
 * @param params its parameters, in order
 * @param matchesNothing true when the caller asked for what it may not see
 */
public record OrderFilter(String where, List<Object> params, boolean matchesNothing) {

    public static OrderFilter of(Caller caller, String status, String merchantId, Boolean unreturned, Boolean needsAttention,
            String createdFrom, String createdTo, String cursor, Instant now) {
        var conditions = new ArrayList<String>();
        var params = new ArrayList<Object>();
        String merchant = merchantId;
        if (caller.role() == Role.MERCHANT) {
            if (merchantId != null && !merchantId.equals(caller.merchantId())) {
                return new OrderFilter("", List.of(), true);
            }
            merchant = caller.merchantId();
        }
        if (merchant != null) {
            conditions.add("merchant_id = ?");
            params.add(merchant);
        }
        if (status != null) {
            conditions.add("status = ?");
            params.add(status(status).name());
        }
        if (needsAttention != null) {
            conditions.add("needs_attention = ?");
            params.add(needsAttention);
        }
        if (unreturned != null) {
            conditions.add((unreturned ? "" : "NOT ") + """
                    EXISTS (SELECT 1 FROM order_hops h WHERE h.order_id = o.id
                    AND (h.state IN ('FAILED', 'OVERDUE') OR (h.state = 'PENDING' AND h.due_at < ?)))""");
            params.add(now.toEpochMilli());
        }
        if (createdFrom != null) {
            conditions.add("created_at >= ?");
            params.add(instant("createdFrom", createdFrom).toEpochMilli());
        }
        if (createdTo != null) {
            conditions.add("created_at < ?");
            params.add(instant("createdTo", createdTo).toEpochMilli());
        }
        String position = Cursors.decode(cursor);
        if (position != null) {
            String[] parts = position.split("\\|", 2);
            long createdAt;
            try {
                createdAt = Long.parseLong(parts[0]);
            } catch (NumberFormatException e) {
                throw ApiException.validation("cursor", "is not a cursor returned by this API");
            }
            if (parts.length != 2) {
                throw ApiException.validation("cursor", "is not a cursor returned by this API");
            }
            conditions.add("(created_at < ? OR (created_at = ? AND id < ?))");
            params.add(createdAt);
            params.add(createdAt);
            params.add(parts[1]);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new OrderFilter(where, params, false);
    }

    private static OrderStatus status(String value) {
        try {
            return OrderStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("status", "must be one of PENDING_PAYMENT, PAID, FULFILLED, COMPLETED,"
                    + " CANCELLED, EXPIRED, PARTIALLY_REFUNDED, REFUNDED");
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw ApiException.validation(field, "must be an ISO-8601 UTC time such as 2026-11-22T08:30:00Z");
        }
    }
}
