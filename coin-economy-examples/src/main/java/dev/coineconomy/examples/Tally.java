package dev.coineconomy.examples;

import dev.coineconomy.CoinEconomy;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.catalog.PriceKey;
import dev.coineconomy.ledger.Payout;
import dev.coineconomy.ledger.PayoutState;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.stream.StreamSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Adds up the receipts of a run into a {@link LiveStreamSummary}. Pure: it reads the receipts, the
 * catalog and the policy, and the creator's wallet.
 */
final class Tally {

    private static final int TOP_GIFTERS = LiveStreamSimulation.TOP;

    private Tally() {
    }

    static LiveStreamSummary summarise(LiveStreamSimulation.Settings settings, CoinEconomy economy, int viewers,
                                       List<PurchaseReceipt> purchases, List<GiftReceipt> gifts,
                                       List<WithdrawalReceipt> withdrawals, Map<UserId, Region> regions,
                                       StreamSummary stream, List<LiveStreamSummary.Refusal> refusals,
                                       LiveStreamSummary.Ledger ledger, Map<RejectionCode, Integer> rejections,
                                       LiveStreamSummary.Requests requests, List<LiveStreamSummary.Check> checks) {
        DiamondValue value = economy.policy().payout().diamondValue();
        Set<UserId> buyers = new HashSet<>();
        purchases.forEach(p -> buyers.add(p.user()));
        Set<UserId> gifters = new HashSet<>();
        gifts.forEach(g -> gifters.add(g.sender()));
        return new LiveStreamSummary(settings.seed(), viewers, buyers.size(), gifters.size(), settings.start(),
                settings.length(), economy.policy(), packs(economy, purchases), gifts(economy, gifts),
                topGifters(gifts, regions), stream, refusals, creator(economy, gifts, ledger.payouts(), value),
                withdrawals, ledger, rejections, requests, checks);
    }

    private static List<LiveStreamSummary.PackLine> packs(CoinEconomy economy, List<PurchaseReceipt> purchases) {
        Map<String, int[]> sold = new HashMap<>();
        for (PurchaseReceipt p : purchases) {
            sold.computeIfAbsent(p.packId() + '|' + p.region() + '|' + p.channel(), k -> new int[1])[0]++;
        }
        List<LiveStreamSummary.PackLine> out = new ArrayList<>();
        List<CoinPack> packs = new ArrayList<>(economy.catalog().packs());
        packs.sort(Comparator.comparingLong(p -> p.coins().amount()));
        for (CoinPack pack : packs) {
            List<PriceKey> keys = new ArrayList<>(pack.prices().keySet());
            keys.sort(Comparator.comparing((PriceKey k) -> k.region().code()).thenComparing(PriceKey::channel));
            for (PriceKey key : keys) {
                Money price = pack.prices().get(key);
                int n = sold.getOrDefault(pack.id() + '|' + key.region() + '|' + key.channel(), new int[1])[0];
                out.add(new LiveStreamSummary.PackLine(pack.id(), key.region(), key.channel(), price, n,
                        Math.multiplyExact(pack.coins().amount(), n), price.multipliedBy(n)));
            }
        }
        return out;
    }

    private static List<LiveStreamSummary.GiftLine> gifts(CoinEconomy economy, List<GiftReceipt> gifts) {
        Map<String, long[]> byGift = new HashMap<>();
        for (GiftReceipt g : gifts) {
            long[] t = byGift.computeIfAbsent(g.giftId(), k -> new long[4]);
            t[0]++;
            t[1] += g.quantity();
            t[2] += g.coinsSpent().amount();
            t[3] += g.diamondsCredited().amount();
        }
        List<Gift> catalogGifts = new ArrayList<>(economy.catalog().gifts());
        catalogGifts.sort(Comparator.comparingLong((Gift g) -> g.price().amount()).thenComparing(Gift::id));
        List<LiveStreamSummary.GiftLine> out = new ArrayList<>();
        for (Gift g : catalogGifts) {
            long[] t = byGift.get(g.id());
            if (t != null) {
                out.add(new LiveStreamSummary.GiftLine(g.id(), g.name(), g.price().amount(), (int) t[0], t[1], t[2],
                        t[3]));
            }
        }
        return out;
    }

    /** The top gifters by coins, ties to whoever reached the amount first (the stream leaderboard's rule). */
    static List<LiveStreamSummary.GifterLine> topGifters(List<GiftReceipt> gifts,
                                                               Map<UserId, Region> regions) {
        Map<UserId, long[]> bySender = new HashMap<>();
        for (GiftReceipt g : gifts) {
            long[] t = bySender.computeIfAbsent(g.sender(), k -> new long[3]);
            t[0]++;
            t[1] += g.coinsSpent().amount();
            t[2] = Math.max(t[2], g.sequence());
        }
        // most coins first; a tie goes to whoever reached the amount first (the stream leaderboard's rule)
        List<Map.Entry<UserId, long[]>> ranked = new ArrayList<>(bySender.entrySet());
        ranked.sort(Comparator.comparingLong((Map.Entry<UserId, long[]> e) -> -e.getValue()[1])
                .thenComparingLong(e -> e.getValue()[2]));
        List<LiveStreamSummary.GifterLine> out = new ArrayList<>();
        for (int i = 0; i < Math.min(TOP_GIFTERS, ranked.size()); i++) {
            Map.Entry<UserId, long[]> e = ranked.get(i);
            out.add(new LiveStreamSummary.GifterLine(i + 1, e.getKey(), regions.get(e.getKey()),
                    (int) e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        }
        return out;
    }

    private static LiveStreamSummary.CreatorLine creator(CoinEconomy economy, List<GiftReceipt> gifts,
                                                         List<Payout> payouts, DiamondValue value) {
        UserId creator = LiveStreamSimulation.CREATOR;
        long received = 0;
        long earned = 0;
        for (GiftReceipt g : gifts) {
            if (g.creator().equals(creator)) {
                received += g.coinsSpent().amount();
                earned += g.diamondsCredited().amount();
            }
        }
        long diamondsPaid = 0;
        Money paid = Money.zero(value.currency());
        long diamondsPending = 0;
        Money pending = Money.zero(value.currency());
        for (Payout p : payouts) {
            if (p.state() == PayoutState.PAID) {
                diamondsPaid += p.diamonds().amount();
                paid = paid.plus(p.amount());
            } else if (p.state() == PayoutState.PENDING) {
                diamondsPending += p.diamonds().amount();
                pending = pending.plus(p.amount());
            }
        }
        long held = economy.wallet(creator).diamonds().amount();
        Money minimum = economy.policy().payout().minimum();
        String reason;
        if (held == 0) {
            reason = "nothing left";
        } else if (value.floorValue(held).isLessThan(minimum)) {
            reason = String.format(Locale.ROOT, "worth less than the %s minimum per withdrawal",
                    SummaryText.money(minimum));
        } else {
            reason = "more than the daily limits of the days simulated allowed";
        }
        if (!value.isPayable(held)) {
            reason += String.format(Locale.ROOT, "; never payable in full: only multiples of %d diamonds are"
                    + " worth whole cents", value.diamondStep());
        }
        return new LiveStreamSummary.CreatorLine(creator, received, earned, Payouts.exactValue(value, earned),
                diamondsPaid, paid, diamondsPending, pending, held, Payouts.exactValue(value, held), reason);
    }
}
