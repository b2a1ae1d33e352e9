package dev.coineconomy.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Balances recomputed from the journal alone: the sum of every posting per account and unit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entries  the number of journal entries summed
 * @param balances balance per account per unit (accounts and units without postings are absent)
 */
public record TrialBalance(long entries, Map<AccountRef, Map<Unit, Long>> balances) {

    /**
     * Copies the balances.
     *
     * @param entries  the number of journal entries summed
     * @param balances balance per account per unit (accounts and units without postings are absent)
     */
    public TrialBalance {
        Objects.requireNonNull(balances, "balances");
        Map<AccountRef, Map<Unit, Long>> copy = new LinkedHashMap<>();
        balances.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        balances = Collections.unmodifiableMap(copy);
    }

    /**
     * The balance of an account in a unit.
     *
     * @param account the account
     * @param unit    the unit
     * @return the sum of its postings in that unit, 0 if none
     */
    public long balance(AccountRef account, Unit unit) {
        return balances.getOrDefault(account, Map.of()).getOrDefault(unit, 0L);
    }

    /**
     * The total of every account's balance in a unit; zero on a healthy ledger, as every entry balances.
     *
     * @param unit the unit
     * @return the sum over all accounts
     */
    public long total(Unit unit) {
        long sum = 0;
        for (Map<Unit, Long> perUnit : balances.values()) {
            sum = Math.addExact(sum, perUnit.getOrDefault(unit, 0L));
        }
        return sum;
    }
}
