package io.orderkeep.cli.demo;

import java.util.List;
import java.util.Map;

/** What a shop does once before it takes orders: its merchant, and a webhook endpoint for its own system. */
final class DemoSetup {

    static final String MERCHANT = "m_demo";

    private DemoSetup() {}

    /** Creates the merchant and subscribes the receiver to every event; the receiver learns the endpoint's secret. */
    static void shop(DemoHttp orderkeep, MerchantReceiver receiver) {
        orderkeep.post("/api/v1/merchants", Map.of("id", MERCHANT, "name", "Demo Tea House",
                "defaultLocale", "zh-CN", "timeZone", "Asia/Shanghai")).expect("creating the demo merchant");
        var endpoint = orderkeep.post("/api/v1/webhook-endpoints", Map.of("merchantId", MERCHANT,
                "url", receiver.url(), "events", List.of("*"), "description", "the demo merchant's system"))
                .expect("creating the demo webhook endpoint");
        receiver.trust(endpoint.path("secret").asString());
    }
}
