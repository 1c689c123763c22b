package io.orderkeep.sandbox.core;

import io.orderkeep.sandbox.Faults;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides, from the faults in force and one seeded {@link Random}, whether a fault strikes. A probability of 1 always
 * strikes and 0 never does, without consuming a random number, so tests that use only 0 and 1 are deterministic.
 */
public final class FaultDice {

    private final AtomicReference<Faults> faults;
    private final Random random;

    public FaultDice(Faults initial, Long seed) {
        this.faults = new AtomicReference<>(initial);
        this.random = seed == null ? new Random() : new Random(seed);
    }

    public Faults faults() {
        return faults.get();
    }

    public void set(Faults next) {
        faults.set(next);
    }

    public boolean dropNotify() {
        return roll(faults.get().dropNotify());
    }

    public boolean duplicateNotify() {
        return roll(faults.get().duplicateNotify());
    }

    public boolean badSignature() {
        return roll(faults.get().badSignature());
    }

    public boolean queryTimeout() {
        return roll(faults.get().queryTimeout());
    }

    public boolean failAfterCharge() {
        return roll(faults.get().failAfterCharge());
    }

    /** A delay in milliseconds drawn uniformly from the configured range (both ends included). */
    public long notifyDelayMs() {
        Faults f = faults.get();
        if (f.delayNotifyMaxMs() == f.delayNotifyMinMs()) {
            return f.delayNotifyMinMs();
        }
        synchronized (random) {
            return random.nextLong(f.delayNotifyMinMs(), f.delayNotifyMaxMs() + 1);
        }
    }

    private boolean roll(double probability) {
        if (probability <= 0) {
            return false;
        }
        if (probability >= 1) {
            return true;
        }
        synchronized (random) {
            return random.nextDouble() < probability;
        }
    }
}
