package dev.coineconomy.internal;

import dev.coineconomy.UserId;
import dev.coineconomy.finance.ChargebackDecision;
import dev.coineconomy.finance.RefundDecision;
import dev.coineconomy.finance.SaleSplit;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.DiamondValue;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The finance-grade postings of every command (issue 3), from the command's facts alone. Pure: no
 * clock, no I/O, no state. The chart of accounts, the sign convention and a worked example of each
 * command are in {@code docs/finance.md}; every method returns postings that balance per unit, and a
 * zero amount produces no posting.
 *
 * <p>Sign convention (as in issue 2): a posting adds its amount to the account's balance; value moves
 * from one account to another, so sources (issuance, gross sales, creator cost, promotion expense,
 * chargeback losses) carry negative balances and holders and sinks positive ones.
 */
public final class FinancePostings {

    private static final AccountRef COIN_ISSUANCE = platform(AccountType.COIN_ISSUANCE);
    private static final AccountRef PROMOTIONAL_COINS = platform(AccountType.PROMOTIONAL_COINS);
    private static final AccountRef COINS_SPENT = platform(AccountType.COINS_SPENT);
    private static final AccountRef COINS_REFUNDED = platform(AccountType.COINS_REFUNDED);
    private static final AccountRef COINS_CHARGED_BACK = platform(AccountType.COINS_CHARGED_BACK);
    private static final AccountRef DIAMOND_ISSUANCE = platform(AccountType.DIAMOND_ISSUANCE);
    private static final AccountRef DIAMONDS_REDEEMED = platform(AccountType.DIAMONDS_REDEEMED);
    private static final AccountRef DIAMONDS_CLAWED_BACK = platform(AccountType.DIAMONDS_CLAWED_BACK);
    private static final AccountRef GROSS_SALES = platform(AccountType.GROSS_SALES);
    private static final AccountRef STORE_FEES = platform(AccountType.STORE_FEES);
    private static final AccountRef TAX_PAYABLE = platform(AccountType.TAX_PAYABLE);
    private static final AccountRef DEFERRED_REVENUE = platform(AccountType.DEFERRED_REVENUE);
    private static final AccountRef RECOGNIZED_REVENUE = platform(AccountType.RECOGNIZED_REVENUE);
    private static final AccountRef CREATOR_COST = platform(AccountType.CREATOR_COST);
    private static final AccountRef CREATOR_PAYABLE = platform(AccountType.CREATOR_PAYABLE);
    private static final AccountRef PROMOTION_EXPENSE = platform(AccountType.PROMOTION_EXPENSE);
    private static final AccountRef PAYOUTS_PAID = platform(AccountType.PAYOUTS_PAID);
    private static final AccountRef SALES_REFUNDS = platform(AccountType.SALES_REFUNDS);
    private static final AccountRef CHARGEBACKS = platform(AccountType.CHARGEBACKS);
    private static final AccountRef CHARGEBACK_LOSSES = platform(AccountType.CHARGEBACK_LOSSES);

    private FinancePostings() {
    }

    private static AccountRef platform(AccountType type) {
        return AccountRef.platform(type);
    }

    private static AccountRef coins(UserId user) {
        return AccountRef.user(AccountType.USER_COINS, user);
    }

    private static AccountRef available(UserId user) {
        return AccountRef.user(AccountType.USER_DIAMONDS, user);
    }

    private static AccountRef held(UserId user) {
        return AccountRef.user(AccountType.USER_DIAMONDS_HELD, user);
    }

    private static AccountRef inPayout(UserId user) {
        return AccountRef.user(AccountType.USER_DIAMONDS_IN_PAYOUT, user);
    }

    // ---- valuation helpers -----------------------------------------------------------------------

    /**
     * The change of creator payable when a creator's monotone diamond counter moves from {@code before}
     * to {@code before + delta}: {@code floor((before + delta) × v) − floor(before × v)} minor units.
     * Use the creator's running total of diamonds <em>earned</em> for gifts, and of diamonds
     * <em>removed</em> (settled payouts and clawbacks) for removals: both telescope, so the payable booked
     * for a creator is always {@code floor(earned × v) − floor(removed × v)}, exact to the minor unit,
     * and a settled payout (a whole number of minor units by {@code NOT_WHOLE_CENTS}) removes exactly its
     * cash amount.
     *
     * @param value  the diamond value
     * @param before the counter before, not negative
     * @param delta  the diamonds added to it, not negative
     * @return minor units of {@code value}'s currency
     */
    public static long payableDelta(DiamondValue value, long before, long delta) {
        if (before < 0 || delta < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "before and delta must not be negative: %d, %d", before, delta));
        }
        return value.floorMinorUnits(Math.addExact(before, delta)) - value.floorMinorUnits(before);
    }

    /**
     * The promotional share of a gift's payable: {@code floor(payable × promotionalCoins / coins)}; the
     * rest (with the odd minor unit) is creator cost.
     *
     * @param payable          the gift's payable, minor units, not negative
     * @param promotionalCoins coins of the gift taken from promotional lots, {@code 0..coins}
     * @param coins            the gift's coins, positive
     * @return the promotion expense, minor units
     */
    public static long promotionShare(long payable, long promotionalCoins, long coins) {
        if (coins <= 0 || promotionalCoins < 0 || promotionalCoins > coins) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need 0 <= promotionalCoins <= coins, coins > 0: %d, %d", promotionalCoins, coins));
        }
        return Exact.floor(payable, promotionalCoins, coins);
    }

    // ---- commands --------------------------------------------------------------------------------

    /**
     * Purchase: coins from {@code COIN_ISSUANCE} to the buyer; the gross from {@code GROSS_SALES} split
     * into {@code STORE_FEES}, {@code TAX_PAYABLE} and {@code DEFERRED_REVENUE}.
     *
     * @param buyer the buyer
     * @param coins the coins credited, positive
     * @param sale  the sale's split
     * @return balanced postings
     */
    public static List<Posting> purchase(UserId buyer, long coins, SaleSplit sale) {
        List<Posting> out = new ArrayList<>(6);
        move(out, COIN_ISSUANCE, coins(buyer), Unit.COINS, coins);
        Unit unit = Unit.of(sale.currency());
        post(out, GROSS_SALES, unit, -sale.gross().toMinorUnits());
        post(out, STORE_FEES, unit, sale.storeFee().toMinorUnits());
        post(out, TAX_PAYABLE, unit, sale.tax().toMinorUnits());
        post(out, DEFERRED_REVENUE, unit, sale.net().toMinorUnits());
        return out;
    }

    /**
     * Recovery of a chargeback loss from coins repaid (NEGATIVE_BALANCE): the recovered coins' deferred
     * revenue moves to {@code CHARGEBACK_LOSSES}. Append to the postings of the purchase (or chargeback)
     * whose lots repaid the debt.
     *
     * @param recovered minor units per currency (from {@code Lots.consume} of the repaying lots)
     * @return balanced postings
     */
    public static List<Posting> debtRecovery(Map<Currency, Long> recovered) {
        List<Posting> out = new ArrayList<>();
        recovered.forEach((c, x) -> move(out, DEFERRED_REVENUE, CHARGEBACK_LOSSES, Unit.of(c), x));
        return out;
    }

    /**
     * Grant of promotional coins: from {@code PROMOTIONAL_COINS} to the user. No money moves.
     *
     * @param user  the user
     * @param coins the coins granted, positive
     * @return balanced postings
     */
    public static List<Posting> grant(UserId user, long coins) {
        List<Posting> out = new ArrayList<>(2);
        move(out, PROMOTIONAL_COINS, coins(user), Unit.COINS, coins);
        return out;
    }

    /**
     * The facts of an accepted gift.
     *
     * @param sender           who paid
     * @param creator          who earned the diamonds
     * @param coins            coins spent, positive
     * @param recognized       revenue recognized per currency, minor units (from {@code Lots.consume})
     * @param promotionalCoins coins taken from promotional lots
     * @param diamonds         diamonds earned (after the conversion's carry), not negative
     * @param held             whether the diamonds go on hold (a {@code HoldPolicy} with a positive period)
     * @param payable          the cash value booked as creator payable, minor units of {@code payoutCurrency}
     *                         ({@link #payableDelta} on the creator's diamonds earned)
     * @param payoutCurrency   the diamond value's currency
     */
    public record Gift(UserId sender, UserId creator, long coins, Map<Currency, Long> recognized,
                       long promotionalCoins, long diamonds, boolean held, long payable, Currency payoutCurrency) {

        /** Copies the map and checks presence. */
        public Gift {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(creator, "creator");
            Objects.requireNonNull(payoutCurrency, "payoutCurrency");
            recognized = Map.copyOf(recognized);
        }
    }

    /**
     * Gift: coins from the sender to {@code COINS_SPENT}; diamonds from {@code DIAMOND_ISSUANCE} to the
     * creator's available (or held) diamonds; recognized revenue from {@code DEFERRED_REVENUE} to
     * {@code RECOGNIZED_REVENUE} per currency; the payable into {@code CREATOR_PAYABLE}, from
     * {@code PROMOTION_EXPENSE} for the promotional share ({@link #promotionShare}) and from
     * {@code CREATOR_COST} for the rest.
     *
     * @param g the gift's facts
     * @return balanced postings
     */
    public static List<Posting> gift(Gift g) {
        List<Posting> out = new ArrayList<>(10);
        move(out, coins(g.sender()), COINS_SPENT, Unit.COINS, g.coins());
        move(out, DIAMOND_ISSUANCE, g.held() ? held(g.creator()) : available(g.creator()), Unit.DIAMONDS, g.diamonds());
        g.recognized().forEach((c, r) -> move(out, DEFERRED_REVENUE, RECOGNIZED_REVENUE, Unit.of(c), r));
        long promo = promotionShare(g.payable(), g.promotionalCoins(), g.coins());
        Unit payout = Unit.of(g.payoutCurrency());
        post(out, PROMOTION_EXPENSE, payout, -promo);
        post(out, CREATOR_COST, payout, -(g.payable() - promo));
        post(out, CREATOR_PAYABLE, payout, g.payable());
        return out;
    }

    /**
     * Release of held diamonds: from the creator's held to available diamonds.
     *
     * @param creator  the creator
     * @param diamonds the diamonds released
     * @return balanced postings
     */
    public static List<Posting> release(UserId creator, long diamonds) {
        List<Posting> out = new ArrayList<>(2);
        move(out, held(creator), available(creator), Unit.DIAMONDS, diamonds);
        return out;
    }

    /**
     * Refund: the lot's unused coins from the buyer to {@code COINS_REFUNDED}; the refund's gross to
     * {@code SALES_REFUNDS}, taken back from {@code STORE_FEES}, {@code TAX_PAYABLE} and
     * {@code DEFERRED_REVENUE} by part.
     *
     * @param buyer    the buyer
     * @param decision the accepted refund
     * @return balanced postings
     */
    public static List<Posting> refund(UserId buyer, RefundDecision decision) {
        List<Posting> out = new ArrayList<>(6);
        move(out, coins(buyer), COINS_REFUNDED, Unit.COINS, decision.coinsRemoved());
        SaleSplit r = decision.refund();
        Unit unit = Unit.of(r.currency());
        post(out, SALES_REFUNDS, unit, r.gross().toMinorUnits());
        post(out, STORE_FEES, unit, -r.storeFee().toMinorUnits());
        post(out, TAX_PAYABLE, unit, -r.tax().toMinorUnits());
        post(out, DEFERRED_REVENUE, unit, -r.net().toMinorUnits());
        return out;
    }

    /**
     * Chargeback: the removed coins from the buyer (who may go negative) to {@code COINS_CHARGED_BACK};
     * the whole gross to {@code CHARGEBACKS}, taken back from {@code STORE_FEES}, {@code TAX_PAYABLE},
     * the lot's {@code DEFERRED_REVENUE} and, for the net already recognized, {@code CHARGEBACK_LOSSES};
     * then the recovery from the buyer's other lots ({@link #debtRecovery}). Clawbacks (CLAWBACK mode) are
     * separate postings, {@link #clawback}, appended to the same entry.
     *
     * @param buyer    the buyer
     * @param decision the chargeback decision
     * @return balanced postings
     */
    public static List<Posting> chargeback(UserId buyer, ChargebackDecision decision) {
        List<Posting> out = new ArrayList<>(10);
        move(out, coins(buyer), COINS_CHARGED_BACK, Unit.COINS, decision.coinsRemoved());
        SaleSplit s = decision.reversed();
        Unit unit = Unit.of(s.currency());
        post(out, CHARGEBACKS, unit, s.gross().toMinorUnits());
        post(out, STORE_FEES, unit, -s.storeFee().toMinorUnits());
        post(out, TAX_PAYABLE, unit, -s.tax().toMinorUnits());
        post(out, DEFERRED_REVENUE, unit, -decision.deferredReversed());
        post(out, CHARGEBACK_LOSSES, unit, -decision.recognizedLost());
        out.addAll(debtRecovery(decision.recovered()));
        return out;
    }

    /**
     * Clawback from one creator (CLAWBACK mode): diamonds from the creator's available and held
     * diamonds to {@code DIAMONDS_CLAWED_BACK}; their payable ({@link #payableDelta} on the creator's
     * diamonds removed) from {@code CREATOR_PAYABLE} back to {@code CHARGEBACK_LOSSES} (a recovery).
     *
     * @param creator        the creator
     * @param fromAvailable  diamonds taken from available
     * @param fromHeld       diamonds taken from held
     * @param payable        the payable released, minor units of {@code payoutCurrency}
     * @param payoutCurrency the diamond value's currency
     * @return balanced postings
     */
    public static List<Posting> clawback(UserId creator, long fromAvailable, long fromHeld, long payable,
                                         Currency payoutCurrency) {
        List<Posting> out = new ArrayList<>(6);
        move(out, available(creator), DIAMONDS_CLAWED_BACK, Unit.DIAMONDS, fromAvailable);
        move(out, held(creator), DIAMONDS_CLAWED_BACK, Unit.DIAMONDS, fromHeld);
        move(out, CREATOR_PAYABLE, CHARGEBACK_LOSSES, Unit.of(payoutCurrency), payable);
        return out;
    }

    /**
     * Withdrawal (payout pending): diamonds from available to the creator's in-payout diamonds. No money
     * moves until the payout settles; the payable stays owed.
     *
     * @param creator  the creator
     * @param diamonds the diamonds withdrawn
     * @return balanced postings
     */
    public static List<Posting> withdraw(UserId creator, long diamonds) {
        List<Posting> out = new ArrayList<>(2);
        move(out, available(creator), inPayout(creator), Unit.DIAMONDS, diamonds);
        return out;
    }

    /**
     * Settlement (payout PAID): diamonds from in-payout to {@code DIAMONDS_REDEEMED}; the payout from
     * {@code CREATOR_PAYABLE} to {@code PAYOUTS_PAID}.
     *
     * @param creator  the creator
     * @param diamonds the payout's diamonds
     * @param payout   the cash paid (whole minor units)
     * @return balanced postings
     */
    public static List<Posting> settle(UserId creator, long diamonds, Money payout) {
        List<Posting> out = new ArrayList<>(4);
        move(out, inPayout(creator), DIAMONDS_REDEEMED, Unit.DIAMONDS, diamonds);
        move(out, CREATOR_PAYABLE, PAYOUTS_PAID, Unit.of(payout.currency()), payout.toMinorUnits());
        return out;
    }

    /**
     * Failure (payout FAILED): diamonds from in-payout back to available. No money moves.
     *
     * @param creator  the creator
     * @param diamonds the payout's diamonds
     * @return balanced postings
     */
    public static List<Posting> fail(UserId creator, long diamonds) {
        List<Posting> out = new ArrayList<>(2);
        move(out, inPayout(creator), available(creator), Unit.DIAMONDS, diamonds);
        return out;
    }

    private static void move(List<Posting> out, AccountRef from, AccountRef to, Unit unit, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "amount moved from %s to %s must not be negative: %d", from, to, amount));
        }
        if (amount != 0) {
            out.add(new Posting(from, unit, -amount));
            out.add(new Posting(to, unit, amount));
        }
    }

    private static void post(List<Posting> out, AccountRef account, Unit unit, long amount) {
        if (amount != 0) {
            out.add(new Posting(account, unit, amount));
        }
    }
}
