package io.orderkeep.delivery.web;

import io.orderkeep.delivery.outbox.EventFeed;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import io.orderkeep.platform.Role;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/events?after=&limit=}: a merchant's pull feed. Admin, operator and auditor name the merchant;
 * only a merchant key's reads acknowledge events (return the merchant hop).
 */
@RestController
class EventsController {

    private final EventFeed feed;

    EventsController(EventFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/v1/events")
    Page<Map<String, Object>> events(Caller caller, @RequestParam(required = false) String merchantId,
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        String merchant = Scopes.merchantOf(caller, merchantId);
        return feed.read(merchant, after, Page.limit(limit), caller.role() == Role.MERCHANT);
    }
}
