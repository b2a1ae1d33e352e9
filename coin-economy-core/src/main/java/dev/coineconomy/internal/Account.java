package dev.coineconomy.internal;

import dev.coineconomy.UserId;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.ConversionPolicy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * One user's cached balances, kept in step with the journal.
 *
 * <p>Coin debits are a compare-and-set loop with the balance check inside it, so concurrent gifts of
 * one sender serialise on the balance only. Credits are plain atomic adds: they commute, so a hot
 * creator receiving from many viewers takes no lock. Exact carry is lock-free: the running total of
 * coins received is advanced atomically and each gift credits
 * {@code floor((T + c) r) − floor(T r)} diamonds; a whole ratio (denominator 1) has nothing to carry
 * and adds {@code c r} to a striped counter ({@link LongAdder}), so threads crediting one hot creator do
 * not write one shared cache line per gift. Diamond debits (withdrawals) and the per-day withdrawal
 * totals are guarded by this object's monitor.
 */
public final class Account {

    private static final VarHandle COINS;
    private static final VarHandle DIAMONDS;
    private static final VarHandle RECEIVED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            COINS = l.findVarHandle(Account.class, "coins", long.class);
            DIAMONDS = l.findVarHandle(Account.class, "diamonds", long.class);
            RECEIVED = l.findVarHandle(Account.class, "coinsReceived", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final UserId id;
    private final int index;
    private volatile long coins;
    private volatile long diamonds;
    private volatile long coinsReceived;
    /**
     * Diamonds credited by gifts. Striped (a {@link LongAdder}): a hot creator credited by many threads
     * at once then takes no shared cache line per gift. Only grows. The {@code diamonds} word holds
     * minus the diamonds debited by withdrawals and only shrinks.
     */
    private final LongAdder credits = new LongAdder();
    // Padding: the balances above are written by every gift; keep the next object off their cache line.
    @SuppressWarnings("unused")
    private long p1, p2, p3, p4, p5, p6, p7;
    /** Minor units withdrawn per calendar day; guarded by {@code this}. */
    private Map<LocalDate, Long> withdrawnByDay;

    Account(UserId id, int index) {
        this.id = id;
        this.index = index;
    }

    /** @return the user */
    public UserId id() {
        return id;
    }

    /** @return the dense index used in journal columns */
    public int index() {
        return index;
    }

    /** @return spendable coins */
    public long coins() {
        return coins;
    }

    /**
     * Diamonds held: the striped credits minus the debits (the {@code diamonds} word). The word is read
     * first: credits only grow, and every debit was checked against a balance read before it, so the
     * result is never negative.
     *
     * @return diamonds held
     */
    public long diamonds() {
        long base = diamonds;
        return base + credits.sum();
    }

    /**
     * The running total of coins received as gifts that exact carry needs. It is kept only for ratios
     * whose denominator is not 1: a whole ratio has no fractions to carry.
     *
     * @return the total coins received as gifts at fractional ratios, else 0
     */
    public long coinsReceived() {
        return coinsReceived;
    }

    /**
     * Debits coins if the balance covers them.
     *
     * @param amount the coins to debit
     * @return -1 on success, else the balance that was too small
     */
    public long tryDebitCoins(long amount) {
        long balance;
        do {
            balance = coins;
            if (balance < amount) {
                return balance;
            }
        } while (!COINS.compareAndSet(this, balance, balance - amount));
        return -1;
    }

    /**
     * Credits coins. Cannot overflow: the economy caps coins issued at {@code Long.MAX_VALUE}.
     *
     * @param amount the coins
     */
    public void creditCoins(long amount) {
        COINS.getAndAdd(this, amount);
    }

    /**
     * Reserves a gift's diamonds: advances the running total of coins received (for ratios with a
     * denominator other than 1) and returns the diamonds the gift earns with exact carry, without
     * crediting them yet. The caller appends the gift's journal entry and then calls
     * {@link #creditDiamonds(long)}, so that a withdrawal can never spend diamonds whose entry is not yet
     * in the journal (the journal's order then never shows a diamond balance below zero).
     *
     * <p>The totals telescope: gifts that move the total from {@code T} to {@code T + c} earn
     * {@code floor((T + c) r) - floor(T r)}, which sum to {@code floor(C r)} in any interleaving.
     *
     * @param conversion the coin → diamond rule
     * @param coins      the gift's coins
     * @return the diamonds the gift earns
     */
    public long reserveGift(ConversionPolicy conversion, long coins) {
        Ratio r = conversion.diamondsPerCoin();
        if (r.denominator() == 1) {
            // floor((T + c) n) - floor(T n) = c n for any T: nothing to carry, so no running total.
            // Cannot overflow: the economy caps coins issued so that every total times n fits a long.
            return Math.multiplyExact(coins, r.numerator());
        }
        long before = (long) RECEIVED.getAndAdd(this, coins);
        return conversion.diamondsFor(before, coins);
    }

    /**
     * Credits diamonds reserved by {@link #reserveGift(ConversionPolicy, long)}, once the gift's entry
     * is in the journal. Lock-free and striped.
     *
     * @param diamonds the diamonds, not negative
     */
    public void creditDiamonds(long diamonds) {
        if (diamonds != 0) {
            credits.add(diamonds);
        }
    }

    /**
     * Debits diamonds; the caller holds this account's monitor and has checked the balance (only
     * withdrawals debit diamonds, and they hold the monitor, so the balance can only have grown).
     *
     * @param amount the diamonds
     */
    public void debitDiamonds(long amount) {
        long after = (long) DIAMONDS.getAndAdd(this, -amount) - amount + credits.sum();
        if (after < 0) {
            throw new IllegalStateException("diamond balance of " + id + " went negative: " + after);
        }
    }

    /**
     * Minor units withdrawn on a day; the caller holds this account's monitor.
     *
     * @param day the calendar day
     * @return the total
     */
    public long withdrawnOn(LocalDate day) {
        return withdrawnByDay == null ? 0 : withdrawnByDay.getOrDefault(day, 0L);
    }

    /**
     * Records a withdrawal; the caller holds this account's monitor.
     *
     * @param day        the calendar day
     * @param minorUnits the payout
     */
    public void recordWithdrawal(LocalDate day, long minorUnits) {
        if (withdrawnByDay == null) {
            withdrawnByDay = new HashMap<>();
        }
        withdrawnByDay.merge(day, minorUnits, Math::addExact);
    }
}
