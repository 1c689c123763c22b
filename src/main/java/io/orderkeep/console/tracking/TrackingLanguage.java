package io.orderkeep.console.tracking;

import io.orderkeep.console.web.ConsoleLocales;
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

    private TrackingLanguage() {}

    static Locale choose(HttpServletRequest request, String customerLocale) {
        boolean chosen = ConsoleLocales.supported(request.getParameter("lang")) != null
                || WebUtils.getCookie(request, ConsoleLocales.COOKIE) != null;
        Locale customer = ConsoleLocales.supported(customerLocale);
        if (!chosen && customer != null) {
            request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, customer);
        }
        return RequestContextUtils.getLocale(request);
    }
}
