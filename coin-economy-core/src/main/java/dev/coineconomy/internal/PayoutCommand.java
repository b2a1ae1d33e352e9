package dev.coineconomy.internal;

import dev.coineconomy.PayoutFailedReceipt;
import dev.coineconomy.PayoutSettledReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Payout;
import dev.coineconomy.ledger.PayoutState;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a pending payout as one store transaction, under the creator's lock: settled (PAID: the
 * diamonds in payout are redeemed and the payout moves from creator payable to payouts paid) or failed
 * (FAILED: the diamonds return to the creator's available diamonds and the payout no longer counts
 * towards its day's cap). Checks, in order: idempotency, {@code UNKNOWN_REFERENCE} (no accepted withdrawal
 * with that id), {@code PAYOUT_NOT_PENDING} (already settled or failed).
 *
 * @param ctx        the economy
 * @param requestId  the idempotency key
 * @param withdrawal the withdrawal's request id
 * @param settle     true to settle, false to fail
 * @param reason     why it failed ({@code null} when settling)
 */
public record PayoutCommand(EconomyContext ctx, RequestId requestId, RequestId withdrawal, boolean settle,
                            String reason) implements StoreWork<Receipt> {

    /**
     * Validates the combination of arguments.
     *
     * @throws NullPointerException if an id is missing, or the reason of a failure
     */
    public PayoutCommand {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(withdrawal, "withdrawal");
        if (!settle) {
            Objects.requireNonNull(reason, "reason");
        }
    }

    @Override
    public Receipt run(StoreTransaction tx) {
        Optional<JournalEntry> existing = tx.findEntry(requestId);
        if (existing.isPresent()) {
            if (settle) {
                return EconomyContext.retry(existing.get(), requestId, PayoutSettledReceipt.class,
                        r -> r.withdrawal().equals(withdrawal));
            }
            return EconomyContext.retry(existing.get(), requestId, PayoutFailedReceipt.class,
                    r -> r.withdrawal().equals(withdrawal) && r.reason().equals(reason));
        }
        WithdrawalReceipt w = EconomyContext.reference(tx, withdrawal, WithdrawalReceipt.class, "withdrawal");
        UserId creator = w.creator();
        Instant now = ctx.now();
        tx.lockUser(creator);
        FinanceState.StoredPayout p = FinanceState.payout(tx, creator, withdrawal)
                .orElseThrow(() -> new IllegalStateException("withdrawal " + withdrawal + " has no payout record"));
        if (p.state() != PayoutState.PENDING) {
            throw Rules.reject(RejectionCode.PAYOUT_NOT_PENDING,
                    String.format(Locale.ROOT, "the payout of withdrawal %s is %s, not PENDING", withdrawal, p.state()),
                    "withdrawal", withdrawal, "state", p.state());
        }
        long d = p.diamonds();
        tx.addCounter(creator, FinanceState.IN_PAYOUT, -d);
        String catalog = ctx.catalogAt(now).catalog().version();
        String policy = ctx.policy().version();
        if (settle) {
            tx.addCounter(creator, FinanceState.REMOVED, d);
            FinanceState.putPayout(tx, creator, withState(p, PayoutState.PAID));
            List<Posting> postings = FinancePostings.settle(creator, d, p.amount());
            return ctx.append(tx, requestId, seq -> new PayoutSettledReceipt(requestId, seq, now, creator,
                    withdrawal, Diamonds.of(d), p.amount(), catalog, policy), postings, PayoutSettledReceipt.class);
        }
        tx.addDiamonds(creator, d);
        tx.addCounter(creator, WithdrawalCommand.withdrawnKey(p.day()), -p.amount().toMinorUnits());
        FinanceState.putPayout(tx, creator, withState(p, PayoutState.FAILED));
        List<Posting> postings = FinancePostings.fail(creator, d);
        return ctx.append(tx, requestId, seq -> new PayoutFailedReceipt(requestId, seq, now, creator,
                withdrawal, Diamonds.of(d), p.amount(), reason, catalog, policy), postings, PayoutFailedReceipt.class);
    }

    private static FinanceState.StoredPayout withState(FinanceState.StoredPayout p, PayoutState s) {
        return new FinanceState.StoredPayout(p.withdrawal(), p.diamonds(), p.amount(), p.day(), s);
    }

    /**
     * The payout a withdrawal created, as it stands.
     *
     * @param tx         the transaction
     * @param withdrawal the withdrawal's request id
     * @return the payout, or empty if no accepted withdrawal has that id
     */
    public static Optional<Payout> query(StoreTransaction tx, RequestId withdrawal) {
        Optional<JournalEntry> e = tx.findEntry(withdrawal);
        if (e.isEmpty() || !(e.get().receipt() instanceof WithdrawalReceipt w)) {
            return Optional.empty();
        }
        tx.lockUser(w.creator());
        return FinanceState.payout(tx, w.creator(), withdrawal).map(p ->
                new Payout(withdrawal, w.creator(), Diamonds.of(p.diamonds()), p.amount(), p.state()));
    }
}
