package dev.coineconomy.internal;

import dev.coineconomy.Channel;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A coin pack purchase as one store transaction, priced by the catalog in force at its instant. Checks,
 * in order: idempotency, {@code UNKNOWN_PACK}, {@code NOT_SOLD_IN_REGION}, eligibility
 * ({@code UNKNOWN_USER}, {@code NOT_ELIGIBLE}; only with a profile directory), then under the buyer's
 * lock {@code LIMIT_EXCEEDED} and {@code COIN_SUPPLY_LIMIT}.
 *
 * @param ctx       the economy
 * @param requestId the idempotency key
 * @param user      the buyer
 * @param packId    the pack
 * @param region    the buyer's region
 * @param channel   the sales channel
 */
public record PurchaseCommand(EconomyContext ctx, RequestId requestId, UserId user, String packId, Region region,
                              Channel channel) implements StoreWork<PurchaseReceipt> {

    @Override
    public PurchaseReceipt run(StoreTransaction tx) {
        Optional<JournalEntry> existing = tx.findEntry(requestId);
        if (existing.isPresent()) {
            return EconomyContext.retry(existing.get(), requestId, PurchaseReceipt.class,
                    r -> r.user().equals(user) && r.packId().equals(packId)
                            && r.region().equals(region) && r.channel() == channel);
        }
        Instant now = ctx.now();
        CatalogIndex catalog = ctx.catalogAt(now);
        CatalogIndex.PriceRow row = Rules.priceRow(catalog, packId, region, channel);
        if (ctx.profiles() != null) {
            ctx.eligibility().buyer(ctx.profiles(), user, now);
        }
        long coins = row.pack().coins().amount();
        long price = row.price().toMinorUnits();
        tx.lockUser(user);
        List<SpendingWindows.LimitCheck> limits =
                SpendingWindows.purchase(ctx.policy().limits(), row.price().currency(), now);
        Limits.check(tx, user, limits, price);
        long maximum = ctx.policy().conversion().maxCoinsReceived();
        long issued = tx.tryIssueCoins(coins, maximum);
        if (issued < 0) {
            Rules.checkSupply(-1 - issued, coins, maximum);
            throw new IllegalStateException("the store refused coins the supply rule allows");
        }
        tx.addCoins(user, coins);
        Limits.count(tx, user, limits, price);
        return ctx.append(tx, requestId, seq -> new PurchaseReceipt(requestId, seq, now, user, packId,
                region, channel, row.pack().coins(), row.price(), catalog.catalog().version(),
                ctx.policy().version()), PurchaseReceipt.class);
    }
}
