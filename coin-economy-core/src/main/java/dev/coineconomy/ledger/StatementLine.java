package dev.coineconomy.ledger;

import java.util.Objects;

/**
 * One line of a user's statement: an entry, what it changed in the user's coins and diamonds, and the
 * running balances after it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entry          the journal entry
 * @param coinChange     the signed change of the user's coins by this entry
 * @param diamondChange  the signed change of the user's diamonds by this entry
 * @param coinBalance    the user's coins after this entry (running balance)
 * @param diamondBalance the user's diamonds after this entry (running balance)
 */
public record StatementLine(JournalEntry entry, long coinChange, long diamondChange, long coinBalance,
                            long diamondBalance) {

    /**
     * Validates the line.
     *
     * @param entry          the journal entry
     * @param coinChange     the signed change of the user's coins by this entry
     * @param diamondChange  the signed change of the user's diamonds by this entry
     * @param coinBalance    the user's coins after this entry (running balance)
     * @param diamondBalance the user's diamonds after this entry (running balance)
     * @throws NullPointerException if {@code entry} is {@code null}
     */
    public StatementLine {
        Objects.requireNonNull(entry, "entry");
    }
}
