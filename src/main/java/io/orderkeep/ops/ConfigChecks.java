package io.orderkeep.ops;

import io.orderkeep.ops.alerts.AlertProperties;
import io.orderkeep.payment.PaymentProvider;
import io.orderkeep.platform.OrderkeepProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code orderkeep doctor}'s configuration checks: settings that let Orderkeep start yet make it misbehave later —
 * a malformed URL fails at the first notification or alert, a development secret lets anyone forge a payment.
 * Read from the settings alone; nothing is contacted.
 */
@Component
class ConfigChecks {

    private final OrderkeepProperties orderkeep;
    private final ObjectProvider<PaymentProvider> providers;
    private final AlertProperties alerts;
    private final Environment environment;

    ConfigChecks(OrderkeepProperties orderkeep, ObjectProvider<PaymentProvider> providers, AlertProperties alerts,
            Environment environment) {
        this.orderkeep = orderkeep;
        this.providers = providers;
        this.alerts = alerts;
        this.environment = environment;
    }

    List<Check> all() {
        var checks = new ArrayList<Check>();
        String publicUrl = orderkeep.publicUrl();
        boolean publicHost = publicUrl != null && !publicUrl.isBlank() && httpUrl(publicUrl) && !local(publicUrl);
        if (publicUrl != null && !publicUrl.isBlank()) {
            checks.add(url("config:public-url", publicUrl, "set ORDERKEEP_PUBLIC_URL to an http(s) URL such as "
                    + "https://orders.shop.example (tracking links and the providers' notify URL start with it)"));
        }
        providers.orderedStream().forEach(p -> {
            String name = "config:provider:" + p.name();
            String env = "ORDERKEEP_PROVIDERS_" + p.name().toUpperCase(Locale.ROOT);
            checks.add(url(name + ":url", p.settings().url(), "set " + env + "_URL to the provider's http(s) base URL"));
            if (p.developmentSecret() && publicHost) {
                checks.add(Check.warn(name + ":secret", "the signing secret is the development default while "
                        + "the public URL " + publicUrl + " is not localhost: anyone can forge a payment",
                        "set " + env + "_SECRET to the secret agreed with the provider"));
            }
        });
        for (int i = 0; i < alerts.channels().size(); i++) {
            checks.add(channel("config:alerts.channels[" + i + "]", alerts.channels().get(i)));
        }
        if (environment.getProperty("orderkeep.kafka.enabled", Boolean.class, false)) {
            String servers = environment.getProperty("orderkeep.kafka.bootstrap-servers", "localhost:9092");
            checks.add(servers.isBlank() || !servers.matches("[^\\s,:]+:\\d+(,[^\\s,:]+:\\d+)*")
                    ? Check.fail("config:kafka", "Kafka is enabled but bootstrap servers are '" + servers + "'",
                            "set ORDERKEEP_KAFKA_BOOTSTRAP_SERVERS to host:port[,host:port…]")
                    : Check.pass("config:kafka", "bootstrap servers " + servers));
        }
        return checks;
    }

    private Check channel(String name, AlertProperties.Channel channel) {
        String type = channel.type() == null ? "" : channel.type().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "email" -> {
                if (channel.to().isEmpty()) {
                    yield Check.fail(name, "an e-mail channel without recipients", "list them under `to:`");
                }
                String host = environment.getProperty("spring.mail.host");
                yield host == null || host.isBlank()
                        ? Check.fail(name, "e-mail alerts are configured but no mail server is",
                                "set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, _USERNAME, _PASSWORD as needed)")
                        : Check.pass(name, "email to " + channel.to().size() + " recipient(s) via " + host);
            }
            case "slack", "dingtalk", "wecom", "feishu" -> url(name, channel.url(),
                    "set the channel's url to the robot's https webhook URL");
            default -> Check.fail(name, "unknown channel type '" + channel.type() + "'",
                    "use slack, dingtalk, wecom, feishu or email");
        };
    }

    /** Never shows the URL itself: a webhook's query string may carry its access token. */
    private static Check url(String name, String url, String fix) {
        if (url == null || url.isBlank()) {
            return Check.fail(name, "no URL configured", fix);
        }
        return httpUrl(url) ? Check.pass(name, "well-formed (" + URI.create(url).getHost() + ")")
                : Check.fail(name, "not a well-formed http(s) URL", fix);
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean local(String url) {
        String host = URI.create(url).getHost();
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
