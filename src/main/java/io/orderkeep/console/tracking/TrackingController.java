package io.orderkeep.console.tracking;

import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.payment.PaymentRetry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The customer's tracking page {@code /track/{orderId}?t=<token>} (the order's {@code trackingUrl}) and its one
 * action, "try again" after a failed payment. Anything but the order's own token, and an unknown order, is the
 * same 404 page. The page updates itself from {@code /track/{orderId}/events} (the delivery module's token stream).
 */
@Controller
class TrackingController {

    private final TrackingPages pages;
    private final PaymentRetry retry;

    TrackingController(TrackingPages pages, PaymentRetry retry) {
        this.pages = pages;
        this.retry = retry;
    }

    @GetMapping("/track/{orderId}")
    String page(@PathVariable String orderId, @RequestParam(name = "t", required = false) String token,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<OrderSnapshot> order = pages.open(orderId, token);
        if (order.isEmpty()) {
            return notFound(response);
        }
        Locale locale = TrackingLanguage.choose(request, order.get().customerLocale());
        Optional<TrackingPage> page = pages.page(order.get(), token, locale);
        if (page.isEmpty()) {
            return notFound(response);
        }
        // The page holds the tracking token: keep it out of shared caches and of other sites' referrers.
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("page", page.get());
        return "tracking/page";
    }

    /**
     * Opens a new payment attempt when the last one failed, then shows the page again with the new attempt's pay
     * link. Not straight to the provider: the page's Content-Security-Policy keeps forms on this site, redirects
     * included. When no new attempt is allowed (paid meanwhile, another tab retried) the page just shows why.
     */
    @PostMapping("/track/{orderId}/payments")
    Object retry(@PathVariable String orderId, @RequestParam(name = "t", required = false) String token,
            HttpServletResponse response) {
        Optional<OrderSnapshot> order = pages.open(orderId, token);
        if (order.isEmpty()) {
            return notFound(response);
        }
        if (retry.allowed(order.get())) {
            retry.open(order.get(), "tracking");
        }
        var back = new RedirectView("/track/" + orderId + "?t=" + token, true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        return back;
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "tracking/not-found";
    }
}
