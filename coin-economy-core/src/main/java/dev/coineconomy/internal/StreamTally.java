package dev.coineconomy.internal;

import dev.coineconomy.UserId;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.stream.GifterRank;
import dev.coineconomy.stream.StreamId;
import dev.coineconomy.stream.StreamSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The running totals of one live stream: coins, diamonds, gifts by id, gifters and their ranking.
 * Thread-safe (one short critical section per call).
 *
 * <p>{@link #onGift} costs O(log n) for n gifters (and O(log k) for k gift types): it updates the
 * gifter's total in a hash map and moves the gifter in a sorted set ordered by (coins descending,
 * reached sequence ascending, user id). {@link #summary(int)} costs O(topN + k).
 *
 * <p><b>Ties.</b> A gifter's tie-break key is the journal sequence of the gift that brought them to their
 * current total, i.e. the largest sequence among their gifts (every gift costs at least one coin, so
 * each one raises the total). Taking the maximum rather than "the last one applied" makes the tally
 * independent of the order in which concurrent commits report their gifts: feeding the same gifts in any
 * order gives the same summary, equal to a replay of the journal in sequence order.
 *
 * <p>The caller reports each accepted gift exactly once (retries of a request return early and must not
 * report again). Sequences are not checked for duplicates.
 */
public final class StreamTally {

    /** Best first: more coins, then reached earlier, then by user id (a total order). */
    private static final Comparator<Gifter> RANKING = Comparator
            .comparingLong((Gifter g) -> -g.coins) // coins >= 1, so the negation cannot overflow
            .thenComparingLong(g -> g.reachedSequence)
            .thenComparing(g -> g.user.value());

    private final StreamId streamId;
    private final UserId creator;
    private final Instant startedAt;

    private final HashMap<UserId, Gifter> gifters = new HashMap<>();
    private final TreeSet<Gifter> ranking = new TreeSet<>(RANKING);
    private final TreeMap<String, Long> quantityByGift = new TreeMap<>();
    private long coins;
    private long diamonds;
    private long entries;
    private long quantity;
    private Instant endedAt;

    /** One gifter's totals; its ranking fields change only while it is out of {@link #ranking}. */
    private static final class Gifter {
        final UserId user;
        long coins;
        long reachedSequence;
        Instant reachedAt;

        Gifter(UserId user) {
            this.user = user;
        }
    }

    /**
     * An empty tally of a stream that has just started.
     *
     * @param streamId  the stream
     * @param creator   its creator
     * @param startedAt when it started
     */
    public StreamTally(StreamId streamId, UserId creator, Instant startedAt) {
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        this.creator = Objects.requireNonNull(creator, "creator");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** @return the stream */
    public StreamId streamId() {
        return streamId;
    }

    /** @return the creator who runs the stream */
    public UserId creator() {
        return creator;
    }

    /** @return when the stream started */
    public Instant startedAt() {
        return startedAt;
    }

    /** @return when the stream ended, or {@code null} while it is live */
    public synchronized Instant endedAt() {
        return endedAt;
    }

    /** @return whether the stream is live (not ended) */
    public synchronized boolean live() {
        return endedAt == null;
    }

    /**
     * Marks the stream ended. Only {@link StreamRegistry} calls this, once.
     *
     * @param at when it ended, not before it started
     */
    synchronized void end(Instant at) {
        Objects.requireNonNull(at, "at");
        if (endedAt != null) {
            throw new IllegalStateException("stream " + streamId + " already ended at " + endedAt);
        }
        if (at.isBefore(startedAt)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "stream %s cannot end at %s, before it started at %s", streamId, at, startedAt));
        }
        endedAt = at;
    }

    /**
     * Adds one accepted gift command. O(log n).
     *
     * @param receipt the gift's receipt (its sequence, instant, sender, gift, quantity, coins, diamonds)
     */
    public void onGift(dev.coineconomy.GiftReceipt receipt) {
        onGift(receipt.sequence(), receipt.instant(), receipt.sender(), receipt.giftId(), receipt.quantity(),
                receipt.coinsSpent().amount(), receipt.diamondsCredited().amount());
    }

    /**
     * Adds one accepted gift command. O(log n).
     *
     * @param sequence the gift's journal sequence, from 1
     * @param instant  when it was accepted
     * @param sender   who sent it
     * @param giftId   the gift
     * @param quantity how many, at least 1
     * @param coins    the coins it cost, at least 1
     * @param diamonds the diamonds it credited the creator, at least 0
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if a number is out of range
     * @throws ArithmeticException      if a total would overflow a {@code long} (cannot happen for gifts of
     *                                  one economy, whose coin supply fits in a {@code long})
     */
    public void onGift(long sequence, Instant instant, UserId sender, String giftId, long quantity, long coins,
                       long diamonds) {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(giftId, "giftId");
        if (sequence < 1 || quantity < 1 || coins < 1 || diamonds < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "gift %d to stream %s: need sequence >= 1, quantity >= 1, coins >= 1, diamonds >= 0; "
                            + "got quantity %d, coins %d, diamonds %d", sequence, streamId, quantity, coins, diamonds));
        }
        synchronized (this) {
            long newCoins = Math.addExact(coins, this.coins);
            long newDiamonds = Math.addExact(diamonds, this.diamonds);
            long newQuantity = Math.addExact(quantity, this.quantity);
            Gifter g = gifters.get(sender);
            long gifterCoins = Math.addExact(coins, g == null ? 0 : g.coins);
            Long perGift = quantityByGift.get(giftId);
            long giftQuantity = Math.addExact(quantity, perGift == null ? 0 : perGift);
            // nothing can fail past this point
            if (g == null) {
                g = new Gifter(sender);
                gifters.put(sender, g);
            } else {
                ranking.remove(g);
            }
            g.coins = gifterCoins;
            if (sequence > g.reachedSequence) {
                g.reachedSequence = sequence;
                g.reachedAt = instant;
            }
            ranking.add(g);
            quantityByGift.put(giftId, giftQuantity);
            this.coins = newCoins;
            this.diamonds = newDiamonds;
            this.quantity = newQuantity;
            entries++;
        }
    }

    /**
     * The stream's totals and its top gifters. O(topN + gift types).
     *
     * @param topN how many leaderboard rows, at least 0 (fewer if fewer users gifted)
     * @return a consistent snapshot
     * @throws IllegalArgumentException if {@code topN} is negative
     */
    public StreamSummary summary(int topN) {
        if (topN < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "topN must not be negative, got %d", topN));
        }
        synchronized (this) {
            List<GifterRank> top = new ArrayList<>(Math.min(topN, ranking.size()));
            Iterator<Gifter> it = ranking.iterator();
            while (top.size() < topN && it.hasNext()) {
                Gifter g = it.next();
                top.add(new GifterRank(top.size() + 1, g.user, Coins.of(g.coins), g.reachedSequence, g.reachedAt));
            }
            Map<String, Long> byGift = new TreeMap<>(quantityByGift); // linear copy of a sorted map
            return new StreamSummary(streamId, creator, startedAt, endedAt, Coins.of(coins), Diamonds.of(diamonds),
                    entries, quantity, byGift, gifters.size(), top);
        }
    }
}
