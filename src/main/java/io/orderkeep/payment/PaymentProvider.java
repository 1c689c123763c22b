package io.orderkeep.payment;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;

/**
 * One payment provider, spoken to over its own protocol. Every call that reaches the network throws
 * {@link ProviderUnavailable} when the provider did not answer clearly (timeout, connection refused, 5xx): the
 * caller must then treat the money as possibly moved. A clear refusal (4xx) is {@link ProviderRejected}.
 * Implementations are stateless and thread-safe.
 */
public interface PaymentProvider {

    /** The name used in settings ({@code orderkeep.providers.<name>.*}), URLs and the order's {@code payment.provider}. */
    String name();

    ProviderSettings settings();

    /**
     * Whether its signing secret is still the development default shipped in the code: fine on a laptop, a
     * forgery anyone can sign on a public host ({@code orderkeep doctor} warns).
     */
    default boolean developmentSecret() {
        return false;
    }

    /** Opens a payment. Idempotent on {@code outTradeNo}: a repeated call returns the same payment. */
    ProviderPayment create(CreatePayment request);

    /** Looks a payment up by our attempt id; {@link ProviderPayment.Status#NOT_FOUND} when the provider never had it. */
    ProviderPayment query(String outTradeNo);

    /** Closes an unpaid payment. Answers the payment as the provider now sees it: CLOSED, or SUCCEEDED if it was paid. */
    ProviderPayment close(String outTradeNo, String providerRef);

    /**
     * Gives {@code amount} minor units back. Idempotent on {@code refundId} (our id for the refund): a repeated call
     * never refunds twice. Answers the provider's refund reference.
     */
    String refund(String providerRef, String refundId, long amount);

    /**
     * Checks a notification's signature and timestamp and parses it. Never throws for bad input: a forged, stale or
     * unreadable notification is a {@link NotificationVerdict.Rejected} with the reason.
     *
     * @param headers the request headers, names in lower case
     * @param body the raw body, exactly as received
     */
    NotificationVerdict verify(Map<String, String> headers, byte[] body);

    /** The provider's settlement file for one day, as it sends it; the caller closes the stream. */
    InputStream settlement(LocalDate date);
}
