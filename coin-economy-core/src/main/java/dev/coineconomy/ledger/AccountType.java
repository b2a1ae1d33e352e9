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
    PAYOUTS_PAID(false),

    // ---- finance-grade chart (issue 3; see docs/finance.md) ----------------------------------------

    /** A creator's diamonds earned but still on hold (not yet withdrawable). */
    USER_DIAMONDS_HELD(true),
    /** A creator's diamonds in a pending payout (withdrawn, not yet settled or failed). */
    USER_DIAMONDS_IN_PAYOUT(true),
    /** Source of every promotional coin granted (negative balance = coins granted). */
    PROMOTIONAL_COINS(false),
    /** Sink of the coins taken back by refunds. */
    COINS_REFUNDED(false),
    /** Sink of the coins taken back by chargebacks (including spent coins owed by a negative balance). */
    COINS_CHARGED_BACK(false),
    /** Sink of the diamonds clawed back from creators after a chargeback. */
    DIAMONDS_CLAWED_BACK(false),
    /** The store's commission on sales, net of the commission returned by refunds and chargebacks, per currency. */
    STORE_FEES(false),
    /** Tax contained in sales and owed to the tax authority, net of reversals, per currency. */
    TAX_PAYABLE(false),
    /** The net of sold coins not yet spent: the platform owes the coins (a liability), per currency. */
    DEFERRED_REVENUE(false),
    /** The net of sold coins spent on gifts: earned revenue, per currency. */
    RECOGNIZED_REVENUE(false),
    /** Source of the cash value of diamonds earned from purchased coins (negative balance = cost of creators). */
    CREATOR_COST(false),
    /** The cash value of diamonds creators hold or have in payout: what the platform owes them, per currency. */
    CREATOR_PAYABLE(false),
    /** Source of the cash value of diamonds earned from promotional coins (negative balance = expense). */
    PROMOTION_EXPENSE(false),
    /** Sink of the gross returned to buyers by refunds, per currency. */
    SALES_REFUNDS(false),
    /** Sink of the gross taken back by payment providers through chargebacks, per currency. */
    CHARGEBACKS(false),
    /**
     * Recognized revenue lost to chargebacks, net of recoveries (negative balance = loss), per currency:
     * debited when a charged-back lot's spent net is lost, credited by clawbacks and by coins repaid.
     */
    CHARGEBACK_LOSSES(false);

    private final boolean user;

    AccountType(boolean user) {
        this.user = user;
    }

    /** @return whether accounts of this type belong to a user */
    public boolean isUserAccount() {
        return user;
    }
}
