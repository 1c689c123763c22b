package io.orderkeep.console.tracking;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.WebUtils;

/**
 * The tracking page's language: the one the reader chose ({@code ?lang=}, kept in the console's language cookie),
 * else the customer's own from the order (their e-mails are in it too), else the browser's. The console's locale
 * resolver knows the first and the last; the order's locale is put in between by setting it as this request's
 * resolved locale, which the resolver then answers for the rest of the request (the view included).
 */
final class TrackingLanguage {

    static final String COOKIE = "orderkeep-lang";

    private TrackingLanguage() {}

    static Locale choose(HttpServletRequest request, String customerLocale) {
        boolean chosen = supported(request.getParameter("lang")) != null || WebUtils.getCookie(request, COOKIE) != null;
        Locale customer = supported(customerLocale);
        if (!chosen && customer != null) {
            request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, customer);
        }
        return RequestContextUtils.getLocale(request);
    }

    private static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        return switch (tag.replace('_', '-').toLowerCase(Locale.ROOT)) {
            case "en" -> Locale.ENGLISH;
            case "zh-cn" -> Locale.forLanguageTag("zh-CN");
            default -> null;
        };
    }
}
