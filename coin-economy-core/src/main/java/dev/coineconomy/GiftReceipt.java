package dev.coineconomy;

import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.stream.StreamId;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The receipt of gifts sent to a creator.
 *
 * <p>{@code diamondsCredited} follows the policy's exact carry: it may differ from
 * {@code coinsSpent × ratio} for one gift, but the creator's diamonds from all gifts are exactly
 * {@code floor(total coins received × ratio)}.
 *
 * @param requestId        the command's idempotency key
 * @param sequence         the journal position, from 1
 * @param instant          when it was accepted
 * @param sender           the viewer who paid
 * @param creator          the creator who received
 * @param giftId           the gift sent
 * @param quantity         how many of it, at least 1
 * @param coinsSpent       {@code quantity × price}, debited from the sender
 * @param diamondsCredited the diamonds credited to the creator
 * @param catalogVersion   the catalog that priced it
 * @param policyVersion    the policy that converted it
 * @param context          where the gift was sent: in a LIVE stream or on a VIDEO
 * @param stream           the stream it was sent in, or {@code null} if it named none
 */
public record GiftReceipt(RequestId requestId, long sequence, Instant instant, UserId sender, UserId creator,
                          String giftId, long quantity, Coins coinsSpent, Diamonds diamondsCredited,
                          String catalogVersion, String policyVersion, GiftContext context, StreamId stream)
        implements Receipt {

    /**
     * A LIVE gift that names no stream.
     *
     * @param requestId        the command's idempotency key
     * @param sequence         the journal position, from 1
     * @param instant          when it was accepted
     * @param sender           the viewer who paid
     * @param creator          the creator who received
     * @param giftId           the gift sent
     * @param quantity         how many of it, at least 1
     * @param coinsSpent       {@code quantity × price}
     * @param diamondsCredited the diamonds credited to the creator
     * @param catalogVersion   the catalog that priced it
     * @param policyVersion    the policy that converted it
     */
    public GiftReceipt(RequestId requestId, long sequence, Instant instant, UserId sender, UserId creator,
                       String giftId, long quantity, Coins coinsSpent, Diamonds diamondsCredited,
                       String catalogVersion, String policyVersion) {
        this(requestId, sequence, instant, sender, creator, giftId, quantity, coinsSpent, diamondsCredited,
                catalogVersion, policyVersion, GiftContext.LIVE, null);
    }

    /** @return the stream the gift was sent in, if it named one */
    public Optional<StreamId> streamId() {
        return Optional.ofNullable(stream);
    }

    /**
     * Validates that no component is missing (but the stream) and the quantity is positive.
     *
     * @param requestId        the command's idempotency key
     * @param sequence         the journal position, from 1
     * @param instant          when it was accepted
     * @param sender           the viewer who paid
     * @param creator          the creator who received
     * @param giftId           the gift sent
     * @param quantity         how many of it, at least 1
     * @param coinsSpent       {@code quantity × price}, debited from the sender
     * @param diamondsCredited the diamonds credited to the creator
     * @param catalogVersion   the catalog that priced it
     * @param policyVersion    the policy that converted it
     * @param context          where the gift was sent: in a LIVE stream or on a VIDEO
     * @param stream           the stream it was sent in, or {@code null} if it named none
     */
    public GiftReceipt {
        Objects.requireNonNull(context, "context");
        Receipts.requireCommon(requestId, sequence, instant, catalogVersion, policyVersion);
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(giftId, "giftId");
        Objects.requireNonNull(coinsSpent, "coinsSpent");
        Objects.requireNonNull(diamondsCredited, "diamondsCredited");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, got " + quantity);
        }
    }
}
