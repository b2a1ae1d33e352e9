package dev.coineconomy.internal;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.catalog.GiftAvailability;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.catalog.UnavailableReason;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.profile.UserProfile;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;
import dev.coineconomy.stream.StreamId;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Gifts from a viewer to a creator as one store transaction, priced by the catalog in force at its
 * instant. Checks, in order: idempotency, {@code UNKNOWN_GIFT}, {@code SELF_GIFT}, the stream
 * ({@code UNKNOWN_STREAM}, {@code STREAM_NOT_LIVE}), eligibility of sender then creator
 * ({@code UNKNOWN_USER}, {@code NOT_ELIGIBLE}; only with a profile directory), {@code GIFT_NOT_AVAILABLE},
 * cost overflow ({@link IllegalArgumentException}), then under the sender's lock {@code LIMIT_EXCEEDED}
 * and {@code INSUFFICIENT_COINS}. Locks only the sender; the creator's diamonds are a commuting credit.
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
        if (available < coins) {
            throw Rules.insufficientCoins(sender, coins, available);
        }
        tx.addCoins(sender, -coins);
        Limits.count(tx, sender, limits, coins);
        Ratio ratio = ctx.policy().conversion().diamondsPerCoin();
        long diamonds;
        if (ratio.denominator() == 1) {
            // floor((T + c) n) - floor(T n) = c n: no running total, so no lock on the creator
            diamonds = Math.multiplyExact(coins, ratio.numerator());
        } else {
            long total = tx.addCoinsReceived(creator, coins);
            diamonds = ctx.policy().conversion().diamondsFor(total - coins, coins);
        }
        tx.creditDiamonds(creator, diamonds);
        return ctx.append(tx, requestId, seq -> new GiftReceipt(requestId, seq, now, sender, creator,
                giftId, quantity, Coins.of(coins), Diamonds.of(diamonds), catalog.catalog().version(),
                ctx.policy().version(), context, stream), GiftReceipt.class);
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
            Region anywhere = Region.of("US"); // no region restriction: only the window and context decide
            Rules.checkAvailable(gift.gift(), anywhere, now, context);
        }
    }
}
