package io.orderkeep.console.tracking;

import java.time.Instant;
import java.util.List;

/**
 * What the tracking page shows, already in the customer's terms: amounts formatted for the page's language with
 * the currency's minor digits, contact data masked, the steps and the situation decided.
 *
 * @param token the tracking token, for the page's own links (language switch, live stream, "try again")
 * @param payUrl the provider's pay page, only while the customer may pay there
 * @param refunded the refunded amount, or null when nothing was refunded
 * @param email masked ({@code l***@example.com}), or null
 * @param phone masked ({@code +86138****8000}), or null
 */
record TrackingPage(String orderId, String token, String number, String merchantId, String merchantName,
        String status, Situation situation, List<Step> steps, List<Item> items, String total, String refunded,
        String customerName, String email, String phone, String payUrl, Instant createdAt, Instant updatedAt) {

    record Item(String name, long quantity, String amount) {}
}
