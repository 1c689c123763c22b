package io.orderkeep.ops.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one alert text to every channel. A channel that fails is logged (its type, never its URL, which may carry a
 * token) and does not stop the others: an alert that reaches one place is better than none.
 */
@Component
class AlertSender {

    private static final Logger log = LoggerFactory.getLogger(AlertSender.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;

    AlertSender(JsonMapper json, ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.json = json;
        this.mail = mail;
        this.clock = clock;
    }

    void send(String text, AlertProperties alerts) {
        for (AlertProperties.Channel channel : alerts.channels()) {
            if ("email".equals(channel.type())) {
                email(text, channel, alerts.mailFrom());
            } else {
                chat(text, channel);
            }
        }
    }

    private void chat(String text, AlertProperties.Channel channel) {
        try {
            var request = ChatFormats.of(channel, text, clock.millis());
            var response = http.send(HttpRequest.newBuilder(URI.create(request.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request.body())))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.warn("alert to {} answered HTTP {}", channel.type(), response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("alert to {} interrupted", channel.type());
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("alert to {} failed: {}", channel.type(), e.getClass().getSimpleName());
        }
    }

    private void email(String text, AlertProperties.Channel channel, String from) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("alert e-mail configured but spring.mail.host is not set");
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(channel.to().toArray(String[]::new));
        message.setSubject(text.lines().findFirst().orElse("[Orderkeep] alert"));
        message.setText(text);
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("alert e-mail failed: {}", e.getClass().getSimpleName());
        }
    }
}
