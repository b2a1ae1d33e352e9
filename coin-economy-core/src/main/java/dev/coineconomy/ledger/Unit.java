package dev.coineconomy.ledger;

import dev.coineconomy.money.Money;

import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * What a posting counts: {@link #COINS}, {@link #DIAMONDS}, or minor units of one currency. Every
 * journal entry balances per unit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code {@code "COINS"}, {@code "DIAMONDS"} or an ISO-4217 currency code
 */
public record Unit(String code) {

    /** Virtual coins. */
    public static final Unit COINS = new Unit("COINS");
    /** Diamonds. */
    public static final Unit DIAMONDS = new Unit("DIAMONDS");

    /**
     * Validates the code.
     *
     * @param code {@code "COINS"}, {@code "DIAMONDS"} or an ISO-4217 currency code
     * @throws IllegalArgumentException if it is neither COINS, DIAMONDS nor a currency code
     */
    public Unit {
        Objects.requireNonNull(code, "code");
        if (!code.equals("COINS") && !code.equals("DIAMONDS")) {
            Money.currency(code);
        }
    }

    /**
     * The unit of a currency's minor units.
     *
     * @param currency the currency
     * @return its unit
     */
    public static Unit of(Currency currency) {
        return new Unit(currency.getCurrencyCode());
    }

    /** @return the currency, if this unit is money */
    public Optional<Currency> currency() {
        return isMoney() ? Optional.of(Currency.getInstance(code)) : Optional.empty();
    }

    /** @return whether this unit counts minor units of a currency */
    public boolean isMoney() {
        return !code.equals("COINS") && !code.equals("DIAMONDS");
    }

    @Override
    public String toString() {
        return code;
    }
}
