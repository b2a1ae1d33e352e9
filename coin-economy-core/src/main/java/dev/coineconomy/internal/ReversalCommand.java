package dev.coineconomy.internal;

import dev.coineconomy.ChargebackReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.RefundReceipt;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.finance.ChargebackDecision;
import dev.coineconomy.finance.ChargebackPolicy;
import dev.coineconomy.finance.Lot;
import dev.coineconomy.finance.RefundDecision;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;
import dev.coineconomy.store.UserState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A refund or a chargeback of a purchase as one store transaction, under the buyer's lock (and, for a
 * CLAWBACK chargeback, the locks of the creators whose diamonds are clawed back). Checks, in order:
 * idempotency, {@code UNKNOWN_REFERENCE} (no accepted purchase with that id), {@code ALREADY_REVERSED}
 * (the purchase was already refunded or charged back); a refund then checks {@code REFUND_WINDOW_CLOSED}
 * and {@code COINS_ALREADY_USED} ({@link dev.coineconomy.finance.RefundPolicy#decide}); a chargeback is
 * always accepted ({@link ChargebackPolicy#decide}).
 *
 * @param ctx        the economy
 * @param requestId  the idempotency key
 * @param purchase   the purchase's request id
 * @param chargeback true for a chargeback, false for a refund
 */
public record ReversalCommand(EconomyContext ctx, RequestId requestId, RequestId purchase, boolean chargeback)
        implements StoreWork<Receipt> {

    @Override
    public Receipt run(StoreTransaction tx) {
        Optional<JournalEntry> existing = tx.findEntry(requestId);
        if (existing.isPresent()) {
            if (chargeback) {
                return EconomyContext.retry(existing.get(), requestId, ChargebackReceipt.class,
                        r -> r.purchase().equals(purchase));
            }
            return EconomyContext.retry(existing.get(), requestId, RefundReceipt.class,
                    r -> r.purchase().equals(purchase));
        }
        PurchaseReceipt p = EconomyContext.reference(tx, purchase, PurchaseReceipt.class, "purchase");
        UserId user = p.user();
        Instant now = ctx.now();
        tx.lockUser(user);
        FinanceState.StoredLot stored = FinanceState.lot(tx, user, purchase.value())
                .orElseThrow(() -> new IllegalStateException("purchase " + purchase + " has no lot"));
        if (stored.status() != FinanceState.LotStatus.OPEN) {
            throw Rules.reject(RejectionCode.ALREADY_REVERSED,
                    String.format(Locale.ROOT, "purchase %s was already %s", purchase,
                            stored.status() == FinanceState.LotStatus.REFUNDED ? "refunded" : "charged back"),
                    "purchase", purchase, "status", stored.status().name());
        }
        String catalog = ctx.catalogAt(now).catalog().version();
        String policy = ctx.policy().version();
        if (!chargeback) {
            RefundDecision d = ctx.policy().finance().refunds().decide(stored.lot(), stored.purchased(), now);
            tx.addCoins(user, -d.coinsRemoved());
            FinanceState.putLot(tx, user,
                    new FinanceState.StoredLot(d.lotAfter(), stored.purchased(), FinanceState.LotStatus.REFUNDED));
            List<Posting> postings = FinancePostings.refund(user, d);
            return ctx.append(tx, requestId, seq -> new RefundReceipt(requestId, seq, now, user, purchase,
                    Coins.of(d.coinsRemoved()), d.refund().gross(), catalog, policy), postings, RefundReceipt.class);
        }
        List<FinanceState.StoredLot> all = FinanceState.lots(tx, user);
        List<FinanceState.StoredLot> others = new ArrayList<>(all.size());
        List<Lot> otherLots = new ArrayList<>(all.size());
        for (FinanceState.StoredLot s : all) {
            if (!s.key().equals(stored.key())) {
                others.add(s);
                otherLots.add(s.lot());
            }
        }
        ChargebackPolicy cb = ctx.policy().finance().chargebacks();
        ChargebackDecision d = cb.decide(stored.lot(), otherLots);
        tx.addCoins(user, -d.coinsRemoved());
        for (int i = 0; i < others.size(); i++) {
            Lot after = d.otherLotsAfter().get(i);
            if (!after.equals(others.get(i).lot())) {
                FinanceState.StoredLot s = others.get(i);
                FinanceState.putLot(tx, user, new FinanceState.StoredLot(after, s.purchased(), s.status()));
            }
        }
        if (d.debtCoins() > 0) {
            tx.addCounter(user, FinanceState.DEBT, d.debtCoins());
        }
        long owed = tx.counter(user, FinanceState.DEBT);
        FinanceState.putLot(tx, user,
                new FinanceState.StoredLot(d.lotAfter(), stored.purchased(), FinanceState.LotStatus.CHARGED_BACK));
        List<Posting> postings = new ArrayList<>(FinancePostings.chargeback(user, d));
        long clawed = 0;
        if (d.mode() == ChargebackPolicy.Mode.CLAWBACK && d.coinsSpent() > 0) {
            clawed = clawBack(tx, user, stored.key(), postings);
        }
        long clawedBack = clawed;
        return ctx.append(tx, requestId, seq -> new ChargebackReceipt(requestId, seq, now, user, purchase,
                Coins.of(d.coinsRemoved()), d.reversed().gross(), Coins.of(owed), Diamonds.of(clawedBack),
                catalog, policy), postings, ChargebackReceipt.class);
    }

    /** Claws back from each creator the diamonds the lot's spent coins earned them, as far as they hold them. */
    private long clawBack(StoreTransaction tx, UserId buyer, String lot, List<Posting> postings) {
        DiamondValue value = ctx.policy().payout().diamondValue();
        List<ChargebackPolicy.Claim> claims = new ArrayList<>();
        for (Map.Entry<UserId, Long> use : FinanceState.lotUses(tx, buyer, lot).entrySet()) {
            UserId creator = use.getKey();
            long owed = ctx.policy().conversion().diamondsPerCoin().floorMultiply(use.getValue());
            UserState c = tx.lockUser(creator);
            long claimable = Math.addExact(c.diamonds(), tx.counter(creator, FinanceState.HELD_DIAMONDS));
            claims.add(new ChargebackPolicy.Claim(creator, owed, claimable));
        }
        long total = 0;
        for (ChargebackPolicy.Clawback cb : ChargebackPolicy.clawBack(claims)) {
            long taken = cb.clawedBack();
            if (taken == 0) {
                continue;
            }
            UserId creator = cb.creator();
            long available = tx.lockUser(creator).diamonds();
            long fromAvailable = Math.min(taken, available);
            long fromHeld = taken - fromAvailable;
            long removedBefore = tx.counter(creator, FinanceState.REMOVED);
            long payable = FinancePostings.payableDelta(value, removedBefore, taken);
            tx.addCounter(creator, FinanceState.REMOVED, taken);
            tx.addDiamonds(creator, -fromAvailable);
            if (fromHeld > 0) {
                tx.addCounter(creator, FinanceState.HELD_DIAMONDS, -fromHeld);
                long left = fromHeld;
                List<FinanceState.Held> held = FinanceState.held(tx, creator);
                for (int i = held.size() - 1; i >= 0 && left > 0; i--) { // newest first
                    FinanceState.Held h = held.get(i);
                    long t = Math.min(left, h.diamonds());
                    FinanceState.putHeld(tx, creator, new FinanceState.Held(h.gift(), h.diamonds() - t, h.releaseAt()));
                    left -= t;
                }
            }
            postings.addAll(FinancePostings.clawback(creator, fromAvailable, fromHeld, payable, value.currency()));
            total = Math.addExact(total, taken);
        }
        return total;
    }
}
