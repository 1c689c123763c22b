package io.orderkeep.delivery;

import io.orderkeep.delivery.live.LiveStream;
import io.orderkeep.platform.Caller;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live order changes as Server-Sent Events (see {@link LiveStream}) for a caller: a merchant gets its own merchant's
 * changes (naming another is 404); the other roles every merchant's, or the one they name. The API's
 * {@code /api/v1/events/stream} and the console's live figures both subscribe here.
 */
@Service
public class LiveUpdates {

    private final LiveStream stream;

    LiveUpdates(LiveStream stream) {
        this.stream = stream;
    }

    /**
     * @param merchantId the merchant to follow, or null for all the caller may see
     * @param lastEventId the SSE id of the last message the client has, or null
     */
    public SseEmitter subscribe(Caller caller, String merchantId, String lastEventId) {
        return stream.subscribe(Deliveries.scope(caller, merchantId), lastEventId);
    }
}
