package io.orderkeep.payment;

/** The provider clearly refused the request (a 4xx with its reason): nothing happened there. */
public class ProviderRejected extends RuntimeException {

    private final int status;

    public ProviderRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
