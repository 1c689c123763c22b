package io.orderkeep.payment;

/**
 * The provider gave no clear answer (timeout, refused connection, 5xx, unreadable reply). Whatever we asked may or
 * may not have happened there; a payment is never taken for failed because of this.
 */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderUnavailable(String message) {
        super(message);
    }
}
