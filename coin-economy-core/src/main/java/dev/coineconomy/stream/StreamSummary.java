package dev.coineconomy.stream;

import dev.coineconomy.UserId;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the gifts of one live stream add up to, as of the moment it was read. Cheap to read while the
 * stream runs: it is kept up to date gift by gift, never recomputed from the journal.
 *
 * <p>Immutable and thread-safe.
 *
 * @param streamId        the stream
 * @param creator         the creator who runs it
 * @param startedAt       when it started
 * @param endedAt         when it ended, or {@code null} while it is live
 * @param coins           the coins gifted in it
 * @param diamonds        the diamonds those gifts credited the creator
 * @param giftEntries     the number of accepted gift commands (journal entries) naming it
 * @param giftQuantity    the number of gifts they sent (the sum of their quantities)
 * @param giftsById       the quantity sent per gift id, ordered by gift id; unmodifiable
 * @param distinctGifters how many different users sent gifts in it
 * @param leaderboard     the top gifters, best first ({@link GifterRank}); unmodifiable
 */
public record StreamSummary(StreamId streamId, UserId creator, Instant startedAt, Instant endedAt,
                            Coins coins, Diamonds diamonds, long giftEntries, long giftQuantity,
                            Map<String, Long> giftsById, long distinctGifters, List<GifterRank> leaderboard) {

    /**
     * Validates the summary and takes immutable copies of the map (ordered by gift id) and the list.
     *
     * @param streamId        the stream
     * @param creator         the creator who runs it
     * @param startedAt       when it started
     * @param endedAt         when it ended, or {@code null} while it is live
     * @param coins           the coins gifted in it
     * @param diamonds        the diamonds those gifts credited the creator
     * @param giftEntries     the number of accepted gift commands (journal entries) naming it
     * @param giftQuantity    the number of gifts they sent (the sum of their quantities)
     * @param giftsById       the quantity sent per gift id, ordered by gift id; unmodifiable
     * @param distinctGifters how many different users sent gifts in it
     * @param leaderboard     the top gifters, best first ({@link GifterRank}); unmodifiable
     * @throws NullPointerException     if a component other than {@code endedAt} is {@code null}, or the
     *                                  map or list holds a {@code null}
     * @throws IllegalArgumentException if a count is negative or {@code endedAt} is before {@code startedAt}
     */
    public StreamSummary {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(coins, "coins");
        Objects.requireNonNull(diamonds, "diamonds");
        Objects.requireNonNull(giftsById, "giftsById");
        Objects.requireNonNull(leaderboard, "leaderboard");
        if (endedAt != null && endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "stream %s ended at %s, before it started at %s", streamId, endedAt, startedAt));
        }
        requireNonNegative(giftEntries, "giftEntries");
        requireNonNegative(giftQuantity, "giftQuantity");
        requireNonNegative(distinctGifters, "distinctGifters");
        TreeMap<String, Long> sorted = new TreeMap<>(giftsById); // linear when already sorted
        sorted.values().forEach(v -> Objects.requireNonNull(v, "giftsById value"));
        giftsById = Collections.unmodifiableMap(sorted);
        leaderboard = List.copyOf(leaderboard);
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must not be negative, got %d",
                    name, value));
        }
    }

    /** @return whether the stream was still live when this summary was read */
    public boolean live() {
        return endedAt == null;
    }
}
