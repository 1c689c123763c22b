package io.orderkeep.reconcile.internal;

import io.orderkeep.reconcile.domain.RunMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RunMemory} that also notes which local payments and refunds the current row named, so they can be
 * stored with the row and remembered again by a resumed run.
 */
final class RecordingMemory implements RunMemory {

    private final RunMemory delegate;
    private final List<String> named = new ArrayList<>();

    RecordingMemory(RunMemory delegate) {
        this.delegate = delegate;
    }

    @Override
    public long firstListing(String key, long line) {
        return delegate.firstListing(key, line);
    }

    @Override
    public void listed(String localId) {
        named.add(localId);
        delegate.listed(localId);
    }

    @Override
    public boolean wasListed(String localId) {
        return delegate.wasListed(localId);
    }

    /** What the rows since the last call named, comma separated (null if nothing). */
    String drainNamed() {
        String joined = named.isEmpty() ? null : String.join(",", named);
        named.clear();
        return joined;
    }

    /** Replays a stored row into memory. */
    void recall(String rowKey, long line, String namedIds) {
        if (rowKey != null) {
            delegate.firstListing(rowKey, line);
        }
        if (namedIds != null) {
            for (String id : namedIds.split(",")) {
                delegate.listed(id);
            }
        }
    }
}
