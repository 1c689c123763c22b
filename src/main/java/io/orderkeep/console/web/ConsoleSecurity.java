package io.orderkeep.console.web;

import io.orderkeep.access.ConsoleUsers;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Spring Security for the console and the tracking page only. The API keeps its own key filter
 * ({@code access.web.AuthenticationFilter}); {@code /api}, {@code /actuator}, the API docs and the WebJars pass
 * through no chain here. The console: form login at {@code /console/login}, CSRF on every change (htmx sends the
 * token from the page's meta tags, see {@code console.js}), a new session id at login, and a strict
 * Content-Security-Policy: scripts and styles only from our own origin, none inline.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ConsoleSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain console(HttpSecurity http, ConsoleUsers users) {
        var loginPage = new LoginUrlAuthenticationEntryPoint("/console/login");
        http.securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(requests -> requests
                        // an SSE stream's completion and an error page render were authorized with their request
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/console/login", "/console/assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/console/login").defaultSuccessUrl("/console")
                        .failureUrl("/console/login?error"))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    if (isHtmx(request)) {
                        // A swap would put the login page inside a fragment: make htmx load it as a page instead.
                        response.setHeader("HX-Redirect", "/console/login");
                        response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    } else {
                        loginPage.commence(request, response, e);
                    }
                }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new ConsoleCallerFilter(users), AuthorizationFilter.class);
        return http.build();
    }

    /** The customer tracking page: open to anyone with the link, under the same headers as the console. */
    @Bean
    SecurityFilterChain tracking(HttpSecurity http) {
        http.securityMatcher("/track/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * Spring Security's firewall sees every request, chain or not; outside the console and the tracking page it
     * must change nothing, so that the API answers exactly as it did before (its own errors for odd paths).
     */
    @Bean
    WebSecurityCustomizer onlyConsoleRequestsFirewalled() {
        HttpFirewall strict = new StrictHttpFirewall();
        HttpFirewall firewall = new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
                String path = request.getRequestURI();
                if (path.startsWith("/console") || path.startsWith("/track/")) {
                    return strict.getFirewalledRequest(request);
                }
                return new FirewalledRequest(request) {
                    @Override
                    public void reset() {}
                };
            }

            @Override
            public jakarta.servlet.http.HttpServletResponse getFirewalledResponse(
                    jakarta.servlet.http.HttpServletResponse response) {
                return strict.getFirewalledResponse(response);
            }
        };
        return web -> web.httpFirewall(firewall);
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
