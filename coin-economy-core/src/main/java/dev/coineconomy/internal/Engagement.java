package dev.coineconomy.internal;

import dev.coineconomy.UserId;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.stream.EngagementReport;
import dev.coineconomy.stream.GiftTotal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a creator's {@link EngagementReport} from gift facts (e.g. the gift entries of the journal).
 * Pure: reads its input once, keeps no state. O(g log g) for g gift types, linear in the facts otherwise.
 */
public final class Engagement {

    private Engagement() {
    }

    /**
     * The report of every gift type.
     *
     * @see #of(UserId, Instant, Instant, Iterable, int)
     */
    public static EngagementReport of(UserId creator, Instant from, Instant to, Iterable<GiftFacts> gifts) {
        return of(creator, from, to, gifts, Integer.MAX_VALUE);
    }

    /**
     * The report of {@code creator} over {@code [from, to)}. Facts of other creators or outside the
     * period are ignored, so the whole journal may be passed.
     *
     * @param creator  the creator
     * @param from     the start, inclusive
     * @param to       the end, exclusive, not before {@code from}
     * @param gifts    gift facts, in any order, each gift once
     * @param topGifts how many gift types to list, at least 0 (most coins first, ties by gift id)
     * @return the report
     * @throws IllegalArgumentException if {@code to} is before {@code from} or {@code topGifts} is negative
     * @throws ArithmeticException      if a total overflows a {@code long}
     */
    public static EngagementReport of(UserId creator, Instant from, Instant to, Iterable<GiftFacts> gifts,
                                      int topGifts) {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(gifts, "gifts");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the period ends at %s, before it starts at %s", to, from));
        }
        if (topGifts < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "topGifts must not be negative, got %d", topGifts));
        }
        long entries = 0;
        long quantity = 0;
        long coins = 0;
        long diamonds = 0;
        Map<UserId, long[]> entriesBySender = new HashMap<>();
        Map<String, long[]> byGift = new HashMap<>(); // {quantity, coins}
        for (GiftFacts g : gifts) {
            Objects.requireNonNull(g, "gift facts");
            if (!g.creator().equals(creator) || g.instant().isBefore(from) || !g.instant().isBefore(to)) {
                continue;
            }
            entries++;
            quantity = Math.addExact(quantity, g.quantity());
            coins = Math.addExact(coins, g.coins());
            diamonds = Math.addExact(diamonds, g.diamonds());
            entriesBySender.computeIfAbsent(g.sender(), u -> new long[1])[0]++;
            long[] t = byGift.computeIfAbsent(g.giftId(), id -> new long[2]);
            t[0] = Math.addExact(t[0], g.quantity());
            t[1] = Math.addExact(t[1], g.coins());
        }
        long repeat = entriesBySender.values().stream().filter(n -> n[0] >= 2).count();
        List<GiftTotal> totals = new ArrayList<>(byGift.size());
        byGift.forEach((id, t) -> totals.add(new GiftTotal(id, t[0], Coins.of(t[1]))));
        totals.sort(Comparator.comparingLong((GiftTotal t) -> t.coins().amount()).reversed()
                .thenComparing(GiftTotal::giftId));
        List<GiftTotal> top = totals.size() > topGifts ? totals.subList(0, topGifts) : totals;
        return new EngagementReport(creator, from, to, entries, quantity, Coins.of(coins), Diamonds.of(diamonds),
                entriesBySender.size(), repeat, top);
    }
}
