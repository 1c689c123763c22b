package io.orderkeep.delivery;

import io.orderkeep.delivery.webhook.DeliveryLog;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import io.orderkeep.platform.Role;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Webhook deliveries as a caller may see and replay them (API.md, "Merchant delivery"): the API's
 * {@code /api/v1/deliveries} and the console both go through here. A merchant sees its own merchant's only; another
 * merchant's delivery is 404, as if it did not exist.
 */
@Service
public class Deliveries {

    private final DeliveryLog log;

    Deliveries(DeliveryLog log) {
        this.log = log;
    }

    /** A page of deliveries, newest first, each with every attempt; each filter may be null. */
    public Page<Map<String, Object>> list(Caller caller, String merchantId, String endpointId, String status,
            String orderId, String cursor, Integer limit) {
        if (status != null && !DeliveryLog.STATUSES.contains(status)) {
            throw ApiException.validation("status", "must be one of PENDING, RETRYING, DELIVERED, DEAD");
        }
        return log.list(new DeliveryLog.Filter(scope(caller, merchantId), endpointId, status, orderId), cursor,
                Page.limit(limit));
    }

    public Map<String, Object> get(Caller caller, String id) {
        return log.find(id)
                .filter(delivery -> caller.canSee((String) delivery.get("merchantId")))
                .orElseThrow(() -> ApiException.notFound("Delivery", id));
    }

    /** Sends a delivery again, with the same {@code webhook-id}; audited under the caller. */
    public Map<String, Object> replay(Caller caller, String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        get(caller, id);
        log.replay(id, caller.actor());
        return get(caller, id);
    }

    /**
     * Sends an order's undelivered events to its merchant again now: every delivery of the order that is dead or
     * still waiting is replayed (each audited). Answers how many were; an order with none is left as it is.
     */
    public int redeliver(Caller caller, String orderId) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        List<Map<String, Object>> open = list(caller, null, null, null, orderId, null, Page.MAX_LIMIT).data().stream()
                .filter(delivery -> !"DELIVERED".equals(delivery.get("status")))
                .toList();
        open.forEach(delivery -> log.replay((String) delivery.get("id"), caller.actor()));
        return open.size();
    }

    /** A merchant sees its own merchant only (naming another is 404); the others all, or the one they name. */
    static String scope(Caller caller, String merchantId) {
        if (caller.role() != Role.MERCHANT) {
            return merchantId;
        }
        if (merchantId != null && !merchantId.equals(caller.merchantId())) {
            throw ApiException.notFound("Merchant", merchantId);
        }
        return caller.merchantId();
    }
}
