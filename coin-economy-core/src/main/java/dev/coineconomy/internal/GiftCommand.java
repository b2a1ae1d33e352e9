package dev.coineconomy.internal;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;

import java.time.Instant;
import java.util.Optional;

/**
 * Gifts from a viewer to a creator as one store transaction. Checks, in order: idempotency,
 * {@code UNKNOWN_GIFT}, {@code SELF_GIFT}, cost overflow ({@link IllegalArgumentException}),
 * {@code INSUFFICIENT_COINS}. Locks only the sender; the creator's diamonds are a commuting credit.
 *
 * @param ctx       the economy
 * @param requestId the idempotency key
 * @param sender    the viewer who pays
 * @param creator   the creator who receives
 * @param giftId    the gift
 * @param quantity  how many, at least 1
 */
public record GiftCommand(EconomyContext ctx, RequestId requestId, UserId sender, UserId creator, String giftId,
                          long quantity) implements StoreWork<GiftReceipt> {

    @Override
    public GiftReceipt run(StoreTransaction tx) {
        Optional<JournalEntry> existing = tx.findEntry(requestId);
        if (existing.isPresent()) {
            return EconomyContext.retry(existing.get(), requestId, GiftReceipt.class,
                    r -> r.sender().equals(sender) && r.creator().equals(creator)
                            && r.giftId().equals(giftId) && r.quantity() == quantity);
        }
        Instant now = ctx.now();
        CatalogIndex.GiftSlot gift = Rules.gift(ctx.catalog(), giftId);
        Rules.checkNotSelf(sender, creator);
        long coins = Rules.giftCost(gift, quantity);
        long available = tx.user(sender).isPresent() ? tx.lockUser(sender).coins() : 0;
        if (available < coins) {
            throw Rules.insufficientCoins(sender, coins, available);
        }
        tx.addCoins(sender, -coins);
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
        return EconomyContext.append(tx, requestId, seq -> new GiftReceipt(requestId, seq, now, sender, creator,
                giftId, quantity, Coins.of(coins), Diamonds.of(diamonds), ctx.catalog().catalog().version(),
                ctx.policy().version()), GiftReceipt.class);
    }
}
