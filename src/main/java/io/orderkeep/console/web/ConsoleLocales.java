package io.orderkeep.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of the console and the tracking page: English or Simplified Chinese. The browser's
 * {@code Accept-Language} decides until the reader picks one with {@code ?lang=en} or {@code ?lang=zh-CN}, which a
 * cookie then keeps (Secure when the request came over HTTPS, as the session cookie). Anything else shows English.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleLocales implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, CHINESE);
    public static final String COOKIE = "orderkeep-lang";

    private final CookieLocaleResolver resolver = resolver(false);
    /** The same cookie, marked Secure: written for a request that came over HTTPS (directly or per the proxy). */
    private final CookieLocaleResolver secureResolver = resolver(true);

    private static CookieLocaleResolver resolver(boolean secure) {
        var resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookieSecure(secure);
        resolver.setDefaultLocaleFunction(ConsoleLocales::fromBrowser);
        return resolver;
    }

    @Bean
    LocaleResolver localeResolver() {
        return resolver;
    }

    static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            var matches = Locale.filter(Locale.LanguageRange.parse(header), SUPPORTED);
            return matches.isEmpty() ? Locale.ENGLISH : matches.getFirst();
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** The language for a {@code lang} parameter, or null when it names none we have. */
    public static Locale supported(String lang) {
        if (lang == null) {
            return null;
        }
        String tag = lang.replace('_', '-');
        return SUPPORTED.stream().filter(locale -> locale.toLanguageTag().equalsIgnoreCase(tag)).findFirst()
                .orElse(null);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Locale chosen = supported(request.getParameter("lang"));
                if (chosen != null) {
                    (request.isSecure() ? secureResolver : resolver).setLocale(request, response, chosen);
                }
                return true;
            }
        }).addPathPatterns("/console", "/console/**", "/track/**");
    }
}
