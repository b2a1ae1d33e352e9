package dev.coineconomy.ledger;

import java.util.Objects;

/**
 * One line of a user's statement: an entry, what it changed in each of the user's accounts (coins,
 * diamonds available, held and in payout), and the running balances of those accounts after it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entry   the journal entry
 * @param change  the signed change of each of the user's accounts by this entry
 * @param balance the user's balances after this entry (running balances)
 */
public record StatementLine(JournalEntry entry, Balances change, Balances balance) {

    /**
     * Validates the line.
     *
     * @param entry   the journal entry
     * @param change  the signed change of each of the user's accounts by this entry
     * @param balance the user's balances after this entry (running balances)
     * @throws NullPointerException if an argument is {@code null}
     */
    public StatementLine {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(balance, "balance");
    }

    /** @return the signed change of the user's coins by this entry ({@code change().coins()}) */
    public long coinChange() {
        return change.coins();
    }

    /** @return the signed change of the user's available diamonds by this entry ({@code change().diamonds()}) */
    public long diamondChange() {
        return change.diamonds();
    }

    /** @return the user's coins after this entry, negative when owed ({@code balance().coins()}) */
    public long coinBalance() {
        return balance.coins();
    }

    /** @return the user's available diamonds after this entry ({@code balance().diamonds()}) */
    public long diamondBalance() {
        return balance.diamonds();
    }
}
