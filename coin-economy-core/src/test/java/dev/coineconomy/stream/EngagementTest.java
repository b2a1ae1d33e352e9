package dev.coineconomy.stream;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.internal.Engagement;
import dev.coineconomy.internal.GiftFacts;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A creator's engagement report, checked against figures computed by hand. */
class EngagementTest {

    private static final Instant DAY = Instant.parse("2026-11-01T00:00:00Z");
    private static final UserId STAR = UserId.of("star");
    private static final UserId RIVAL = UserId.of("rival");
    private static final UserId ANN = UserId.of("ann");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAT = UserId.of("cat");
    private static final StreamId LIVE = StreamId.of("live-1");

    private static GiftFacts gift(long seq, long hours, UserId sender, UserId creator, String giftId, long quantity,
                                  long price, StreamId stream) {
        return new GiftFacts(seq, DAY.plusSeconds(hours * 3600), sender, creator, giftId, quantity, quantity * price,
                quantity * price / 2, stream);
    }

    /** Ten gifts; the report covers the star's gifts in hours [10, 100). */
    private static List<GiftFacts> journal() {
        return List.of(
                gift(1, 5, ANN, STAR, "rose", 10, 1, null),          // before the period
                gift(2, 10, ANN, STAR, "rose", 3, 1, LIVE),          // in: ann #1, 3 coins
                gift(3, 11, BOB, STAR, "lion", 1, 29_999, LIVE),     // in: bob #1, 29,999 coins
                gift(4, 12, ANN, RIVAL, "lion", 2, 29_999, null),    // another creator
                gift(5, 20, ANN, STAR, "hand-hearts", 2, 100, null), // in: ann #2, 200 coins
                gift(6, 30, CAT, STAR, "rose", 7, 1, null),          // in: cat #1, 7 coins
                gift(7, 40, ANN, STAR, "rose", 1, 1, LIVE),          // in: ann #3, 1 coin
                gift(8, 50, BOB, STAR, "hand-hearts", 1, 100, null), // in: bob #2, 100 coins
                gift(9, 100, CAT, STAR, "lion", 1, 29_999, null),    // at the end: excluded
                gift(10, 99, STAR, RIVAL, "rose", 1, 1, null));      // the star as a sender: not received
    }

    @Test
    void reportOfAPeriod() {
        EngagementReport r = Engagement.of(STAR, DAY.plusSeconds(10 * 3600), DAY.plusSeconds(100 * 3600), journal());
        assertEquals(STAR, r.creator());
        assertEquals(6, r.giftEntries());                         // sequences 2, 3, 5, 6, 7, 8
        assertEquals(3 + 1 + 2 + 7 + 1 + 1, r.giftQuantity());    // 15
        assertEquals(Coins.of(3 + 29_999 + 200 + 7 + 1 + 100), r.coins()); // 30,310
        assertEquals(Diamonds.of(1 + 14_999 + 100 + 3 + 0 + 50), r.diamonds()); // per gift floor(coins/2)
        assertEquals(3, r.distinctGifters());                     // ann, bob, cat
        assertEquals(2, r.repeatGifters());                       // ann (3 entries), bob (2); cat once
        assertEquals(List.of(
                new GiftTotal("lion", 1, Coins.of(29_999)),
                new GiftTotal("hand-hearts", 3, Coins.of(300)),
                new GiftTotal("rose", 11, Coins.of(11))), r.topGifts());
    }

    @Test
    void topGiftsAreCutAndTiesGoByGiftId() {
        List<GiftFacts> gifts = List.of(
                gift(1, 1, ANN, STAR, "zebra", 5, 2, null),  // 10 coins
                gift(2, 2, BOB, STAR, "apple", 10, 1, null), // 10 coins
                gift(3, 3, ANN, STAR, "mango", 1, 9, null)); // 9 coins
        EngagementReport two = Engagement.of(STAR, DAY, DAY.plusSeconds(86_400), gifts, 2);
        assertEquals(List.of(new GiftTotal("apple", 10, Coins.of(10)), new GiftTotal("zebra", 5, Coins.of(10))),
                two.topGifts());
        assertEquals(Coins.of(29), two.coins()); // the cut does not change the totals
        assertEquals(1, two.repeatGifters());
        assertEquals(List.of(), Engagement.of(STAR, DAY, DAY.plusSeconds(86_400), gifts, 0).topGifts());
    }

    @Test
    void orderOfFactsDoesNotMatter() {
        List<GiftFacts> shuffled = new ArrayList<>(journal());
        Collections.reverse(shuffled);
        Instant from = DAY.plusSeconds(10 * 3600);
        Instant to = DAY.plusSeconds(100 * 3600);
        assertEquals(Engagement.of(STAR, from, to, journal()), Engagement.of(STAR, from, to, shuffled));
    }

    @Test
    void emptyAndDegeneratePeriods() {
        EngagementReport none = Engagement.of(CAT, DAY, DAY.plusSeconds(1_000_000), journal());
        assertEquals(new EngagementReport(CAT, DAY, DAY.plusSeconds(1_000_000), 0, 0, Coins.zero(), Diamonds.zero(),
                0, 0, List.of()), none);
        Instant at = DAY.plusSeconds(10 * 3600); // gift 2 is exactly here, but [at, at) is empty
        assertEquals(0, Engagement.of(STAR, at, at, journal()).giftEntries());
        assertEquals(1, Engagement.of(STAR, at, at.plusNanos(1), journal()).giftEntries());
        assertThrows(IllegalArgumentException.class, () -> Engagement.of(STAR, at, at.minusNanos(1), journal()));
        assertThrows(IllegalArgumentException.class, () -> Engagement.of(STAR, DAY, at, journal(), -1));
        assertThrows(NullPointerException.class, () -> Engagement.of(null, DAY, at, journal()));
    }

    @Test
    void factsOfAReceipt() {
        GiftReceipt r = new GiftReceipt(RequestId.of("g-9"), 9, DAY, ANN, STAR, "rose", 4, Coins.of(4), Diamonds.of(2),
                "cat-1", "pol-1");
        assertEquals(new GiftFacts(9, DAY, ANN, STAR, "rose", 4, 4, 2, LIVE), GiftFacts.of(r, LIVE));
        assertEquals(null, GiftFacts.of(r, null).streamId());
        assertThrows(IllegalArgumentException.class, () -> new GiftFacts(0, DAY, ANN, STAR, "rose", 1, 1, 1, null));
    }
}
