package dev.coineconomy.ledger;

/**
 * The kinds of ledger account. User accounts belong to one user; platform accounts are the named
 * counterparties against which value enters or leaves the economy (issuance, sales, payouts).
 *
 * <p>Signs: a posting adds its amount to the account's balance, and every entry's postings sum to zero
 * per unit; so source accounts (issuance, sales) carry negative balances equal to what they issued.
 */
public enum AccountType {
    /** A user's spendable coins. */
    USER_COINS(true),
    /** A creator's diamonds. */
    USER_DIAMONDS(true),
    /** Source of every coin sold (negative balance = coins issued). */
    COIN_ISSUANCE(false),
    /** Sink of every coin spent on gifts. */
    COINS_SPENT(false),
    /** Source of every diamond credited to creators (negative balance = diamonds issued). */
    DIAMOND_ISSUANCE(false),
    /** Sink of every diamond cashed out. */
    DIAMONDS_REDEEMED(false),
    /** Source of the money paid for coin packs (negative balance = gross sales), per currency. */
    GROSS_SALES(false),
    /** The platform's money: sales in, payouts out, per currency. */
    PLATFORM_CASH(false),
    /** Sink of the money paid to creators, per currency. */
    PAYOUTS_PAID(false);

    private final boolean user;

    AccountType(boolean user) {
        this.user = user;
    }

    /** @return whether accounts of this type belong to a user */
    public boolean isUserAccount() {
        return user;
    }
}
