package io.orderkeep.delivery.web;

import io.orderkeep.delivery.LiveUpdates;
import io.orderkeep.platform.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/events/stream}: live order changes as Server-Sent Events. A merchant key gets its own
 * merchant's; the other roles get every merchant's, or the one they name with {@code merchantId}.
 */
@RestController
class LiveStreamController {

    private final LiveUpdates stream;

    LiveStreamController(LiveUpdates stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/v1/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller, @RequestParam(required = false) String merchantId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return stream.subscribe(caller, merchantId, lastEventId);
    }
}
