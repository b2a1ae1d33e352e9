package dev.coineconomy.internal;

import dev.coineconomy.UserId;
import dev.coineconomy.store.StoreTransaction;

import java.util.List;

/** Spending limits against the store's per-user counters; the user is locked by the caller. */
final class Limits {

    private Limits() {
    }

    /**
     * Checks a command's amount against every limit that applies.
     *
     * @throws dev.coineconomy.EconomyException {@code LIMIT_EXCEEDED}
     */
    static void check(StoreTransaction tx, UserId user, List<SpendingWindows.LimitCheck> checks, long amount) {
        if (checks.isEmpty()) {
            return;
        }
        long[] spent = new long[checks.size()];
        for (int i = 0; i < spent.length; i++) {
            spent[i] = tx.counter(user, checks.get(i).key());
        }
        SpendingWindows.check(user, checks, spent, amount);
    }

    /** Counts an accepted command's amount in every period it falls in. */
    static void count(StoreTransaction tx, UserId user, List<SpendingWindows.LimitCheck> checks, long amount) {
        for (SpendingWindows.LimitCheck c : checks) {
            tx.addCounter(user, c.key(), amount);
        }
    }
}
