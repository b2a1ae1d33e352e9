package dev.coineconomy.stream;

import dev.coineconomy.UserId;
import dev.coineconomy.money.Coins;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of a stream's gifter leaderboard.
 *
 * <p>Gifters are ranked by coins gifted in the stream, most first. Ties go to whoever <em>reached</em>
 * the amount first: the gifter whose total was completed by the gift with the smaller journal sequence
 * ranks higher. Ranks are therefore distinct: 1, 2, 3, …
 *
 * @param rank            the position, from 1
 * @param user            the gifter
 * @param coins           the coins they gifted in the stream, at least 1
 * @param reachedSequence the journal sequence of the gift that brought them to {@code coins}
 * @param reachedAt       the instant of that gift
 */
public record GifterRank(int rank, UserId user, Coins coins, long reachedSequence, Instant reachedAt) {

    /**
     * Validates the row.
     *
     * @param rank            the position, from 1
     * @param user            the gifter
     * @param coins           the coins they gifted in the stream, at least 1
     * @param reachedSequence the journal sequence of the gift that brought them to {@code coins}
     * @param reachedAt       the instant of that gift
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if {@code rank} or {@code reachedSequence} is below 1, or
     *                                  {@code coins} is zero
     */
    public GifterRank {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(coins, "coins");
        Objects.requireNonNull(reachedAt, "reachedAt");
        if (rank < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "rank must be at least 1, got %d", rank));
        }
        if (reachedSequence < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "reachedSequence must be at least 1, got %d", reachedSequence));
        }
        if (coins.isZero()) {
            throw new IllegalArgumentException("a ranked gifter has gifted at least 1 coin, got 0");
        }
    }
}
