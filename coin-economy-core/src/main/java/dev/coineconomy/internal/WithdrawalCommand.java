package dev.coineconomy.internal;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.PayoutPolicy;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;
import dev.coineconomy.store.UserState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A withdrawal as one store transaction, under the creator's lock. Checks, in order: idempotency,
 * {@code NOT_WHOLE_CENTS}, {@code BELOW_MINIMUM_WITHDRAWAL}, {@code INSUFFICIENT_DIAMONDS},
 * {@code DAILY_WITHDRAWAL_LIMIT}.
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
        long paid = Rules.withdrawal(payout, creator, diamonds.amount(), state.diamonds(),
                tx.counter(creator, dayKey), day);
        tx.addDiamonds(creator, -diamonds.amount());
        tx.addCounter(creator, dayKey, paid);
        return ctx.append(tx, requestId, seq -> new WithdrawalReceipt(requestId, seq, now, creator,
                diamonds, Money.ofMinor(payout.diamondValue().currency(), paid),
                ctx.catalogAt(now).catalog().version(), ctx.policy().version()), WithdrawalReceipt.class);
    }
}
