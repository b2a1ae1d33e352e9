package dev.coineconomy.ledger;

import dev.coineconomy.money.Money;

import java.util.Locale;
import java.util.Objects;

/**
 * One line of a journal entry: {@code amount} of {@code unit} added to {@code account}'s balance
 * (negative amounts take away). Money amounts are in minor units of the unit's currency.
 *
 * <p>Immutable and thread-safe.
 *
 * @param account the account
 * @param unit    the unit counted
 * @param amount  the signed, non-zero amount
 */
public record Posting(AccountRef account, Unit unit, long amount) {

    /**
     * Validates the posting.
     *
     * @param account the account
     * @param unit    the unit counted
     * @param amount  the signed, non-zero amount
     * @throws IllegalArgumentException if the amount is zero
     */
    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(unit, "unit");
        if (amount == 0) {
            throw new IllegalArgumentException("posting amount must not be zero: " + account + " " + unit);
        }
    }

    /**
     * The amount as money.
     *
     * @return the money
     * @throws IllegalStateException if the unit is not a currency
     */
    public Money money() {
        return Money.ofMinor(unit.currency().orElseThrow(
                () -> new IllegalStateException("posting unit " + unit + " is not money")), amount);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %+d %s", account, amount, unit);
    }
}
