package io.orderkeep.reconcile.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Payments held in maps: for tests and for files small enough that every payment fits in memory. */
final class InMemoryLocalPayments implements LocalPayments {

    private final List<LocalPayment> all;
    private final Map<String, LocalPayment> byProviderRef = new HashMap<>();
    private final Map<String, LocalPayment> byAttemptId = new HashMap<>();
    private final Map<String, List<LocalPayment>> byOrder = new HashMap<>();

    InMemoryLocalPayments(List<LocalPayment> payments) {
        this.all = List.copyOf(payments);
        for (LocalPayment p : all) {
            if (p.providerRef() != null) {
                byProviderRef.put(p.providerRef(), p);
            }
            byAttemptId.put(p.attemptId(), p);
            byOrder.computeIfAbsent(p.orderId(), k -> new ArrayList<>()).add(p);
        }
    }

    @Override
    public Optional<LocalPayment> byProviderRef(String providerRef) {
        return Optional.ofNullable(byProviderRef.get(providerRef));
    }

    @Override
    public Optional<LocalPayment> byAttemptId(String attemptId) {
        return Optional.ofNullable(byAttemptId.get(attemptId));
    }

    @Override
    public List<LocalPayment> attemptsOf(String orderId) {
        return byOrder.getOrDefault(orderId, List.of());
    }

    @Override
    public Stream<LocalPayment> settledWithin(SettlementWindow window) {
        return all.stream();
    }
}
