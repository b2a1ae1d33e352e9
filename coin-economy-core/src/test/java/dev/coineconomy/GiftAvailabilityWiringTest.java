package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.catalog.GiftAvailability;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.catalog.UnavailableReason;
import dev.coineconomy.money.Money;
import dev.coineconomy.profile.ProfileDirectory;
import dev.coineconomy.profile.UserProfile;
import dev.coineconomy.stream.StreamId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static dev.coineconomy.WiringSupport.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Gift availability through the facade: a gift offered only in some regions is checked against the
 * sender's region (from the profile directory; unknown without one), a limited edition only inside its
 * half-open window, a VIDEO-only gift not in a LIVE. A refusal is {@code GIFT_NOT_AVAILABLE} with the
 * reason and changes nothing.
 */
class GiftAvailabilityWiringTest {

    private static final Region US = Region.of("US");
    private static final Region GB = Region.of("GB");
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    private static final Catalog CATALOG = Catalog.builder().version("availability-v1")
            .pack(CoinPack.builder("pack", 1_000)
                    .price(US, Channel.APP, Money.of("USD", "9.99"))
                    .price(GB, Channel.APP, Money.of("GBP", "8.99"))
                    .build())
            .gift(Gift.of("rose", "Rose", 1))
            .gift(Gift.of("tea", "Cup of Tea", 5, GiftAvailability.onlyIn(GB)))
            .gift(Gift.of("snowman", "Snowman", 7, GiftAvailability.between(FROM, UNTIL)))
            .gift(Gift.of("clap", "Clap", 3, GiftAvailability.ALWAYS.withContexts(GiftContext.VIDEO)))
            .build();

    private final MutableClock clock = new MutableClock("2026-11-25T12:00:00Z");
    private final UserId usViewer = UserId.of("us-viewer");
    private final UserId gbViewer = UserId.of("gb-viewer");
    private final UserId creator = UserId.of("creator");
    private final List<UserId> users = List.of(usViewer, gbViewer, creator);
    private final ProfileDirectory directory = ProfileDirectory.of(
            UserProfile.personal(usViewer, LocalDate.of(1990, 1, 1), US),
            UserProfile.personal(gbViewer, LocalDate.of(1990, 1, 1), GB),
            UserProfile.personal(creator, LocalDate.of(1990, 1, 1), US).withFollowers(5_000));

    private CoinEconomy economy(boolean withDirectory) {
        CoinEconomy.Builder b = CoinEconomy.builder().catalog(CATALOG).clock(clock);
        if (withDirectory) {
            b.profiles(directory);
        }
        CoinEconomy e = b.build();
        e.purchase(RequestId.of("fund-us"), usViewer, "pack", US);
        e.purchase(RequestId.of("fund-gb"), gbViewer, "pack", GB);
        return e;
    }

    @Test
    void aRegionalGiftIsCheckedAgainstTheSendersProfileRegion() {
        CoinEconomy e = economy(true);
        RequestId id = RequestId.of("tea-us");
        rejected(e, users, id, RejectionCode.GIFT_NOT_AVAILABLE, () -> e.sendGift(id, usViewer, creator, "tea", 1),
                "giftId", "tea", "reason", UnavailableReason.REGION, "region", US, "allowedRegions", Set.of(GB));
        // the region passed to a purchase is not the sender's region: only the profile counts
        GiftReceipt ok = e.sendGift(id, gbViewer, creator, "tea", 2);
        assertEquals(10, ok.coinsSpent().amount());
        assertEquals(990, e.wallet(gbViewer).coins().amount());
        assertEquals(1_000, e.wallet(usViewer).coins().amount());
    }

    @Test
    void withoutADirectoryARegionalGiftIsNotAvailable() {
        CoinEconomy e = economy(false);
        RequestId id = RequestId.of("tea-unknown");
        EconomyException x = rejected(e, users, id, RejectionCode.GIFT_NOT_AVAILABLE,
                () -> e.sendGift(id, gbViewer, creator, "tea", 1),
                "giftId", "tea", "reason", UnavailableReason.REGION, "allowedRegions", Set.of(GB));
        assertEquals(3, x.values().size(), "no sender region to name: " + x.values());
        // unrestricted gifts still go, and the id is free
        e.sendGift(id, gbViewer, creator, "rose", 1);
        assertEquals(999, e.wallet(gbViewer).coins().amount());
    }

    @Test
    void aLimitedEditionIsOfferedFromItsStartUntilJustBeforeItsEnd() {
        for (boolean withDirectory : new boolean[] {true, false}) {
            clock.set("2026-11-25T12:00:00Z");
            CoinEconomy e = economy(withDirectory);
            RequestId early = RequestId.of("early");
            clock.set(FROM.minusNanos(1));
            rejected(e, users, early, RejectionCode.GIFT_NOT_AVAILABLE,
                    () -> e.sendGift(early, usViewer, creator, "snowman", 1),
                    "giftId", "snowman", "reason", UnavailableReason.WINDOW, "at", FROM.minusNanos(1),
                    "availableFrom", FROM, "availableUntil", UNTIL);

            clock.set(FROM);
            GiftReceipt first = e.sendGift(RequestId.of("first"), usViewer, creator, "snowman", 1);
            assertEquals(FROM, first.instant());
            clock.set(UNTIL.minusNanos(1));
            e.sendGift(early, usViewer, creator, "snowman", 1);

            clock.set(UNTIL);
            RequestId late = RequestId.of("late");
            rejected(e, users, late, RejectionCode.GIFT_NOT_AVAILABLE,
                    () -> e.sendGift(late, usViewer, creator, "snowman", 1),
                    "reason", UnavailableReason.WINDOW, "at", UNTIL);
            // a retry of a gift accepted inside the window is answered as stored
            assertEquals(first, e.sendGift(RequestId.of("first"), usViewer, creator, "snowman", 1));
            assertEquals(1_000 - 14, e.wallet(usViewer).coins().amount());
            assertEquals(4, e.journalSize());
        }
    }

    @Test
    void aVideoOnlyGiftIsNotOfferedInALive() {
        CoinEconomy e = economy(true);
        RequestId id = RequestId.of("clap");
        rejected(e, users, id, RejectionCode.GIFT_NOT_AVAILABLE, () -> e.sendGift(id, usViewer, creator, "clap", 1),
                "giftId", "clap", "reason", UnavailableReason.CONTEXT, "context", GiftContext.LIVE,
                "allowedContexts", Set.of(GiftContext.VIDEO));
        StreamId stream = StreamId.of("live-1");
        e.startStream(stream, creator);
        rejected(e, users, id, RejectionCode.GIFT_NOT_AVAILABLE, () -> e.sendStreamGift(id, usViewer, stream, "clap", 1),
                "reason", UnavailableReason.CONTEXT);
        assertEquals(0, e.streamSummary(stream, 3).giftEntries());

        GiftReceipt video = e.sendGift(id, usViewer, creator, "clap", 2, GiftContext.VIDEO);
        assertEquals(GiftContext.VIDEO, video.context());
        assertEquals(6, video.coinsSpent().amount());
        // the same id for the same gift in a LIVE is another command
        rejected(e, users, null, RejectionCode.REQUEST_CONFLICT,
                () -> e.sendGift(id, usViewer, creator, "clap", 2, GiftContext.LIVE));
    }
}
