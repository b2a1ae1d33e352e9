package dev.coineconomy.internal;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.UserId;
import dev.coineconomy.stream.StreamId;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The facts of one accepted gift command, as the journal records them: the input of
 * {@link Engagement#of}.
 *
 * @param sequence the journal sequence, from 1
 * @param instant  when it was accepted
 * @param sender   who sent it
 * @param creator  who received it
 * @param giftId   the gift
 * @param quantity how many, at least 1
 * @param coins    the coins it cost, at least 0
 * @param diamonds the diamonds it credited, at least 0
 * @param streamId the stream it was sent in, or {@code null}
 */
public record GiftFacts(long sequence, Instant instant, UserId sender, UserId creator, String giftId,
                        long quantity, long coins, long diamonds, StreamId streamId) {

    /**
     * Validates the facts.
     *
     * @throws NullPointerException     if a component other than {@code streamId} is {@code null}
     * @throws IllegalArgumentException if a number is out of range
     */
    public GiftFacts {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(giftId, "giftId");
        if (sequence < 1 || quantity < 1 || coins < 0 || diamonds < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "gift facts need sequence >= 1, quantity >= 1, coins >= 0, diamonds >= 0; got %d, %d, %d, %d",
                    sequence, quantity, coins, diamonds));
        }
    }

    /**
     * The facts of a gift receipt.
     *
     * @param receipt  the receipt
     * @param streamId the stream it named, or {@code null}
     * @return the facts
     */
    public static GiftFacts of(GiftReceipt receipt, StreamId streamId) {
        return new GiftFacts(receipt.sequence(), receipt.instant(), receipt.sender(), receipt.creator(),
                receipt.giftId(), receipt.quantity(), receipt.coinsSpent().amount(),
                receipt.diamondsCredited().amount(), streamId);
    }
}
