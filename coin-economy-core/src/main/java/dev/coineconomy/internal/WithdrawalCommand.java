package dev.coineconomy.internal;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.PayoutState;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.PayoutPolicy;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;
import dev.coineconomy.store.UserState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A withdrawal as one store transaction, under the creator's lock: it creates a PENDING payout (the
 * diamonds move to "in payout"; the host later settles or fails it). Checks, in order: idempotency,
 * {@code ACCOUNT_RESTRICTED} (a negative coin balance), {@code NOT_WHOLE_CENTS},
 * {@code BELOW_MINIMUM_WITHDRAWAL}, {@code INSUFFICIENT_DIAMONDS}, {@code DAILY_WITHDRAWAL_LIMIT} (the day's
 * cap counts pending and paid payouts). Diamonds on hold whose period is over are released in the same
 * entry, before the check of the diamonds available.
 *
 * @param ctx       the economy
 * @param requestId the idempotency key
 * @param creator   the creator
 * @param diamonds  the diamonds to cash out
 */
public record WithdrawalCommand(EconomyContext ctx, RequestId requestId, UserId creator, Diamonds diamonds)
        implements StoreWork<WithdrawalReceipt> {

    /**
     * The counter key of a creator's payouts on a calendar day.
     *
     * @param day the day in the policy's zone
     * @return the key
     */
    public static String withdrawnKey(LocalDate day) {
        return "withdrawn:" + day;
    }

    @Override
    public WithdrawalReceipt run(StoreTransaction tx) {
        Optional<JournalEntry> existing = tx.findEntry(requestId);
        if (existing.isPresent()) {
            return EconomyContext.retry(existing.get(), requestId, WithdrawalReceipt.class,
                    r -> r.creator().equals(creator) && r.diamondsDebited().equals(diamonds));
        }
        PayoutPolicy payout = ctx.policy().payout();
        Instant now = ctx.now();
        LocalDate day = LocalDate.ofInstant(now, payout.dayZone());
        String dayKey = withdrawnKey(day);
        if (tx.user(creator).isEmpty()) {
            Rules.withdrawal(payout, creator, diamonds.amount(), 0, 0, day);
            throw new IllegalStateException("a creator without an account cannot withdraw");
        }
        UserState state = tx.lockUser(creator);
        if (state.coins() < 0) {
            throw Debts.restricted(creator, state.coins());
        }
        List<FinanceState.Held> released = new ArrayList<>();
        long releasedDiamonds = 0;
        for (FinanceState.Held h : FinanceState.held(tx, creator)) {
            if (!now.isBefore(h.releaseAt())) {
                released.add(h);
                releasedDiamonds = Math.addExact(releasedDiamonds, h.diamonds());
            }
        }
        long paid = Rules.withdrawal(payout, creator, diamonds.amount(),
                Math.addExact(state.diamonds(), releasedDiamonds), tx.counter(creator, dayKey), day);
        List<Posting> postings = new ArrayList<>(4);
        if (releasedDiamonds > 0) {
            postings.addAll(FinancePostings.release(creator, releasedDiamonds));
            tx.addCounter(creator, FinanceState.HELD_DIAMONDS, -releasedDiamonds);
            for (FinanceState.Held h : released) {
                FinanceState.putHeld(tx, creator, new FinanceState.Held(h.gift(), 0, h.releaseAt()));
            }
        }
        postings.addAll(FinancePostings.withdraw(creator, diamonds.amount()));
        tx.addDiamonds(creator, releasedDiamonds - diamonds.amount());
        tx.addCounter(creator, FinanceState.IN_PAYOUT, diamonds.amount());
        tx.addCounter(creator, dayKey, paid);
        Money amount = Money.ofMinor(payout.diamondValue().currency(), paid);
        FinanceState.putPayout(tx, creator,
                new FinanceState.StoredPayout(requestId, diamonds.amount(), amount, day, PayoutState.PENDING));
        return ctx.append(tx, requestId, seq -> new WithdrawalReceipt(requestId, seq, now, creator,
                diamonds, amount, ctx.catalogAt(now).catalog().version(), ctx.policy().version()), postings,
                WithdrawalReceipt.class);
    }
}
