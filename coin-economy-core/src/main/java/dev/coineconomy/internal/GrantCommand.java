package dev.coineconomy.internal;

import dev.coineconomy.GrantReceipt;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.finance.Lot;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.money.Coins;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A grant of promotional coins as one store transaction, under the user's lock: the coins come from
 * {@code PROMOTIONAL_COINS} and form a lot worth nothing (which first repays coins owed after a
 * chargeback). Checks, in order: idempotency, {@code COIN_SUPPLY_LIMIT} (granted coins count towards the
 * supply like sold ones, so no diamond balance can overflow).
 *
 * @param ctx       the economy
 * @param requestId the idempotency key
 * @param user      the user credited
 * @param coins     the coins granted, positive
 * @param reason    why, 1 to 200 characters
 */
public record GrantCommand(EconomyContext ctx, RequestId requestId, UserId user, Coins coins, String reason)
        implements StoreWork<GrantReceipt> {

    @Override
    public GrantReceipt run(StoreTransaction tx) {
        Optional<JournalEntry> existing = tx.findEntry(requestId);
        if (existing.isPresent()) {
            return EconomyContext.retry(existing.get(), requestId, GrantReceipt.class,
                    r -> r.user().equals(user) && r.coins().equals(coins) && r.reason().equals(reason));
        }
        Instant now = ctx.now();
        long amount = coins.amount();
        long maximum = ctx.policy().conversion().maxCoinsReceived();
        tx.lockUser(user);
        long issued = tx.tryIssueCoins(amount, maximum);
        if (issued < 0) {
            Rules.checkSupply(-1 - issued, amount, maximum);
            throw new IllegalStateException("the store refused coins the supply rule allows");
        }
        tx.addCoins(user, amount);
        List<Posting> postings = new ArrayList<>(FinancePostings.grant(user, amount));
        postings.addAll(Debts.newLot(tx, user, Lot.promotional(requestId, amount), now));
        return ctx.append(tx, requestId, seq -> new GrantReceipt(requestId, seq, now, user, coins, reason,
                ctx.catalogAt(now).catalog().version(), ctx.policy().version()), postings, GrantReceipt.class);
    }
}
