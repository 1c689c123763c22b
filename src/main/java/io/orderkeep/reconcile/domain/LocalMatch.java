package io.orderkeep.reconcile.domain;

import java.util.List;

/**
 * What Orderkeep holds for one settlement row: the payment attempt the row names ({@code null} when none), and
 * the other attempts of that attempt's order (to tell a second payment of one order).
 */
public record LocalMatch(LocalPayment payment, List<LocalPayment> otherAttempts) {

    public LocalMatch {
        otherAttempts = List.copyOf(otherAttempts);
    }

    public static LocalMatch none() {
        return new LocalMatch(null, List.of());
    }
}
