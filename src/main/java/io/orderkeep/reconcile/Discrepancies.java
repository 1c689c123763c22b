package io.orderkeep.reconcile;

import io.orderkeep.platform.Page;
import java.util.List;
import java.util.Optional;

/** The discrepancies of a run, and an operator's decision on one that waits for review. */
public interface Discrepancies {

    /** What an operator can decide: put the order right, give the money back at the provider, or leave it be. */
    enum Action { REPAIR, REFUND, IGNORE }

    /** A run's discrepancies in id order, filtered by {@code kind} and {@code resolution} when given; 404 for no run. */
    Page<Discrepancy> list(String runId, String kind, String resolution, int limit, String cursor);

    /** Every stored run's discrepancies naming the order (an order's evidence), oldest run first. */
    List<Discrepancy> ofOrder(String orderId);

    /** A stored run's discrepancy (a dry run's are only listed). */
    Optional<Discrepancy> find(String id);

    /**
     * Decides a discrepancy waiting for review; the decision, its change and its audit entry (naming {@code actor})
     * commit together. No reason is 400, a discrepancy already decided 409.
     */
    Discrepancy resolve(String id, Action action, String reason, String actor);
}
