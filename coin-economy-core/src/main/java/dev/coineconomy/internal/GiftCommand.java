package dev.coineconomy.internal;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.finance.ChargebackPolicy;
import dev.coineconomy.finance.HoldPolicy;
import dev.coineconomy.finance.Lot;
import dev.coineconomy.catalog.GiftAvailability;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.catalog.UnavailableReason;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.store.UserState;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.profile.UserProfile;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;
import dev.coineconomy.stream.StreamId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Gifts from a viewer to a creator as one store transaction, priced by the catalog in force at its
 * instant. Checks, in order: idempotency, {@code UNKNOWN_GIFT}, {@code SELF_GIFT}, the stream
 * ({@code UNKNOWN_STREAM}, {@code STREAM_NOT_LIVE}), eligibility of sender then creator
 * ({@code UNKNOWN_USER}, {@code NOT_ELIGIBLE}; only with a profile directory), {@code GIFT_NOT_AVAILABLE},
 * cost overflow ({@link IllegalArgumentException}), then under the sender's lock {@code LIMIT_EXCEEDED},
 * {@code ACCOUNT_RESTRICTED} (a negative balance after a chargeback) and {@code INSUFFICIENT_COINS}.
 * Locks the sender; the creator's diamonds are a commuting credit. The coins are taken from the sender's
 * lots oldest first, recognizing revenue; the diamonds' cash value is booked as creator payable (promotion
 * expense for the share paid with promotional coins). The creator is locked, late, only when needed: a
 * fractional ratio, a hold, or diamonds not worth whole cents (see {@code docs/finance.md}).
 *
 * @param ctx       the economy
 * @param requestId the idempotency key
 * @param sender    the viewer who pays
 * @param creator   the creator who receives
 * @param giftId    the gift
 * @param quantity  how many, at least 1
 * @param context   LIVE or VIDEO
 * @param stream    the stream the gift is sent in, or {@code null}
 */
public record GiftCommand(EconomyContext ctx, RequestId requestId, UserId sender, UserId creator, String giftId,
                          long quantity, GiftContext context, StreamId stream) implements StoreWork<GiftReceipt> {

    /** The region used to check a gift offered everywhere (built once: {@code Region.of} validates). */
    private static final Region ANYWHERE = Region.of("US");

    @Override
    public GiftReceipt run(StoreTransaction tx) {
        Optional<JournalEntry> existing = tx.findEntry(requestId);
        if (existing.isPresent()) {
            return EconomyContext.retry(existing.get(), requestId, GiftReceipt.class,
                    r -> r.sender().equals(sender) && r.creator().equals(creator)
                            && r.giftId().equals(giftId) && r.quantity() == quantity
                            && r.context() == context && Objects.equals(r.stream(), stream));
        }
        Instant now = ctx.now();
        CatalogIndex catalog = ctx.catalogAt(now);
        CatalogIndex.GiftSlot gift = Rules.gift(catalog, giftId);
        Rules.checkNotSelf(sender, creator);
        if (stream != null) {
            ctx.streams().forGift(stream, creator);
        }
        Region senderRegion = null;
        if (ctx.profiles() != null) {
            UserProfile from = ctx.eligibility().sender(ctx.profiles(), sender, now);
            ctx.eligibility().receiver(ctx.profiles(), creator, now, context == GiftContext.LIVE);
            senderRegion = from.region();
        }
        checkAvailable(gift, senderRegion, now);
        long coins = Rules.giftCost(gift, quantity);
        long available = 0;
        List<SpendingWindows.LimitCheck> limits = SpendingWindows.gift(ctx.policy().limits(), now);
        if (tx.user(sender).isPresent()) {
            available = tx.lockUser(sender).coins();
            Limits.check(tx, sender, limits, coins);
        }
        if (available < 0) {
            throw Debts.restricted(sender, available);
        }
        if (available < coins) {
            throw Rules.insufficientCoins(sender, coins, available);
        }
        tx.addCoins(sender, -coins);
        Limits.count(tx, sender, limits, coins);
        Lots.Consumption spent = spendLots(tx, coins);
        Ratio ratio = ctx.policy().conversion().diamondsPerCoin();
        long diamonds;
        if (ratio.denominator() == 1) {
            // floor((T + c) n) - floor(T n) = c n: no running total, so no lock on the creator
            diamonds = Math.multiplyExact(coins, ratio.numerator());
        } else {
            long total = tx.addCoinsReceived(creator, coins);
            diamonds = ctx.policy().conversion().diamondsFor(total - coins, coins);
        }
        DiamondValue value = ctx.policy().payout().diamondValue();
        HoldPolicy hold = ctx.policy().finance().hold();
        boolean held = hold.holds() && diamonds > 0;
        long payable;
        try {
            if (held || diamonds % value.diamondStep() != 0) {
                // the payable of d diamonds depends on the creator's diamonds earned before (mod the step):
                // lock the creator, as late as possible (see docs/finance.md, "Creator payable without a lock")
                payable = FinancePostings.payableDelta(value, earnedBefore(tx, creator), diamonds);
            } else {
                payable = value.floorMinorUnits(diamonds); // d·v is whole: the same after any running total
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the cash value of %d diamonds at %s does not fit in a long of minor units", diamonds, value), e);
        }
        if (held) {
            tx.addCounter(creator, FinanceState.HELD_DIAMONDS, diamonds);
            FinanceState.putHeld(tx, creator, new FinanceState.Held(requestId.value(), diamonds, hold.releaseAt(now)));
        } else {
            tx.creditDiamonds(creator, diamonds);
        }
        List<Posting> postings = FinancePostings.gift(new FinancePostings.Gift(sender, creator, coins,
                spent.recognizedByCurrency(), spent.promotionalCoins(), diamonds, held, payable, value.currency()));
        return ctx.append(tx, requestId, seq -> new GiftReceipt(requestId, seq, now, sender, creator,
                giftId, quantity, Coins.of(coins), Diamonds.of(diamonds), catalog.catalog().version(),
                ctx.policy().version(), context, stream), postings, GiftReceipt.class);
    }

    /** Takes the coins from the sender's lots, oldest first, and stores the lots that changed. */
    private Lots.Consumption spendLots(StoreTransaction tx, long coins) {
        List<FinanceState.StoredLot> stored = FinanceState.lots(tx, sender);
        List<Lot> lots = new ArrayList<>(stored.size());
        for (FinanceState.StoredLot s : stored) {
            lots.add(s.lot());
        }
        Lots.Consumption spent = Lots.consume(lots, coins);
        boolean clawback = ctx.policy().finance().chargebacks().mode() == ChargebackPolicy.Mode.CLAWBACK;
        int i = 0;
        for (Lots.Take take : spent.takes()) {
            while (!stored.get(i).lot().id().equals(take.lotId())) {
                i++;
            }
            FinanceState.StoredLot s = stored.get(i);
            FinanceState.putLot(tx, sender, new FinanceState.StoredLot(take.lot(), s.purchased(), s.status()));
            if (clawback && !take.lot().isPromotional()) {
                FinanceState.addLotUse(tx, sender, new FinanceState.LotUse(s.key(), creator, take.coinsTaken()));
            }
        }
        return spent;
    }

    /**
     * Locks the creator and derives the diamonds it earned so far: available + held + in payout + removed
     * (settled or clawed back). Credits of concurrent gifts that do not lock the creator are whole
     * multiples of the diamond step, so they do not change the payable this result gives.
     */
    static long earnedBefore(StoreTransaction tx, UserId creator) {
        UserState c = tx.lockUser(creator);
        return c.diamonds() + tx.counter(creator, FinanceState.HELD_DIAMONDS)
                + tx.counter(creator, FinanceState.IN_PAYOUT) + tx.counter(creator, FinanceState.REMOVED);
    }

    /** Availability by the sender's region (unknown without a profile directory), the instant and context. */
    private void checkAvailable(CatalogIndex.GiftSlot gift, Region senderRegion, Instant now) {
        GiftAvailability availability = gift.gift().availability();
        if (senderRegion != null) {
            Rules.checkAvailable(gift.gift(), senderRegion, now, context);
        } else if (!availability.regions().isEmpty()) {
            throw Rules.reject(RejectionCode.GIFT_NOT_AVAILABLE,
                    String.format(Locale.ROOT, "gift '%s' is offered only in %s and the sender's region is "
                                    + "unknown (the economy has no profile directory)", gift.gift().id(),
                            availability.regions()),
                    "giftId", gift.gift().id(), "reason", UnavailableReason.REGION,
                    "allowedRegions", availability.regions());
        } else {
            // no region restriction: only the window and context decide
            Rules.checkAvailable(gift.gift(), ANYWHERE, now, context);
        }
    }
}
