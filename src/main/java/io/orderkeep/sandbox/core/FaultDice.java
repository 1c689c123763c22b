package io.orderkeep.sandbox.core;

import io.orderkeep.sandbox.Faults;
import io.orderkeep.sandbox.SeededDice;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides, from the faults in force, whether a fault strikes. Each decision is keyed by its subject — what the fault
 * would strike, named by something that stays the same from run to run (see {@link Payment#diceKey()}) — so that the
 * same seed strikes the same payments whatever order their calls arrive in. A probability of 1 always strikes and 0
 * never does, without a throw, so tests that use only 0 and 1 are exact.
 */
public final class FaultDice {

    private final AtomicReference<Faults> faults;
    private final SeededDice dice;

    public FaultDice(Faults initial, Long seed) {
        this.faults = new AtomicReference<>(initial);
        this.dice = new SeededDice(seed == null ? new SecureRandom().nextLong() : seed);
    }

    public Faults faults() {
        return faults.get();
    }

    public void set(Faults next) {
        faults.set(next);
    }

    /** Per status change; {@code change} names the payment and its new status. */
    public boolean dropNotify(String change) {
        return dice.strikes("dropNotify", change, faults.get().dropNotify());
    }

    public boolean duplicateNotify(String change) {
        return dice.strikes("duplicateNotify", change, faults.get().duplicateNotify());
    }

    /** Per delivery attempt; {@code attempt} names the status change and the attempt's number. */
    public boolean badSignature(String attempt) {
        return dice.strikes("badSignature", attempt, faults.get().badSignature());
    }

    /** Per query about one payment. */
    public boolean queryTimeout(String payment) {
        return dice.strikes("queryTimeout", payment, faults.get().queryTimeout());
    }

    /** Per create, pay or refund call; {@code call} names the payment and the operation. */
    public boolean failAfterCharge(String call) {
        return dice.strikes("failAfterCharge", call, faults.get().failAfterCharge());
    }

    /** A delay in milliseconds drawn uniformly from the configured range (both ends included), per copy. */
    public long notifyDelayMs(String change) {
        Faults f = faults.get();
        return dice.between("delayNotifyMs", change, f.delayNotifyMinMs(), f.delayNotifyMaxMs());
    }
}
