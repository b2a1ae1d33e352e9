package dev.coineconomy.stream;

import dev.coineconomy.UserId;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a creator received in gifts over a period: the figures a creator shows a brand. Covers every
 * accepted gift to the creator whose instant lies in {@code [from, to)}, in a stream or not.
 *
 * <p>Immutable and thread-safe.
 *
 * @param creator         the creator
 * @param from            the start of the period, inclusive
 * @param to              the end of the period, exclusive
 * @param giftEntries     the number of accepted gift commands (journal entries) to the creator
 * @param giftQuantity    the number of gifts they carried (the sum of their quantities)
 * @param coins           the coins those gifts cost their senders
 * @param diamonds        the diamonds they credited the creator
 * @param distinctGifters how many different users sent gifts
 * @param repeatGifters   how many of them sent gifts at least twice (two or more gift entries)
 * @param topGifts        the gifts received, most coins first (ties by gift id); unmodifiable
 */
public record EngagementReport(UserId creator, Instant from, Instant to, long giftEntries, long giftQuantity,
                               Coins coins, Diamonds diamonds, long distinctGifters, long repeatGifters,
                               List<GiftTotal> topGifts) {

    /**
     * Validates the report and takes an immutable copy of {@code topGifts}.
     *
     * @param creator         the creator
     * @param from            the start of the period, inclusive
     * @param to              the end of the period, exclusive
     * @param giftEntries     the number of accepted gift commands (journal entries) to the creator
     * @param giftQuantity    the number of gifts they carried (the sum of their quantities)
     * @param coins           the coins those gifts cost their senders
     * @param diamonds        the diamonds they credited the creator
     * @param distinctGifters how many different users sent gifts
     * @param repeatGifters   how many of them sent gifts at least twice (two or more gift entries)
     * @param topGifts        the gifts received, most coins first (ties by gift id); unmodifiable
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if {@code to} is before {@code from}, a count is negative, or there
     *                                  are more repeat gifters than gifters
     */
    public EngagementReport {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(coins, "coins");
        Objects.requireNonNull(diamonds, "diamonds");
        Objects.requireNonNull(topGifts, "topGifts");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the period ends at %s, before it starts at %s", to, from));
        }
        if (giftEntries < 0 || giftQuantity < 0 || distinctGifters < 0 || repeatGifters < 0
                || repeatGifters > distinctGifters) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "inconsistent counts: giftEntries %d, giftQuantity %d, distinctGifters %d, repeatGifters %d",
                    giftEntries, giftQuantity, distinctGifters, repeatGifters));
        }
        topGifts = List.copyOf(topGifts);
    }
}
