package dev.coineconomy.stream;

import dev.coineconomy.EconomyException;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.internal.StreamRegistry;
import dev.coineconomy.internal.StreamTally;
import dev.coineconomy.money.Coins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starting, ending and gifting to streams: the rules of {@link StreamRegistry} and what they reject. */
class StreamRegistryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T20:00:00Z");
    private static final UserId ANN = UserId.of("ann");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId VIEWER = UserId.of("viewer");
    private static final StreamId S1 = StreamId.of("s1");
    private static final StreamId S2 = StreamId.of("s2");

    private static EconomyException rejected(RejectionCode code, Executable command) {
        EconomyException e = assertThrows(EconomyException.class, command);
        assertEquals(code, e.code());
        assertTrue(e.getMessage().startsWith(code + ": "), e::getMessage);
        return e;
    }

    @Test
    void streamLifecycle() {
        StreamRegistry streams = new StreamRegistry();
        assertEquals(Optional.empty(), streams.find(S1));
        assertEquals(Optional.empty(), streams.liveStreamOf(ANN));
        StreamTally tally = streams.start(S1, ANN, T0);
        assertSame(tally, streams.find(S1).orElseThrow());
        assertSame(tally, streams.liveStreamOf(ANN).orElseThrow());
        assertSame(tally, streams.forGift(S1, ANN));
        tally.onGift(7, T0.plusSeconds(5), VIEWER, "rose", 3, 3, 3);
        StreamSummary live = streams.summary(S1, 10);
        assertTrue(live.live());
        assertEquals(new StreamSummary(S1, ANN, T0, null, Coins.of(3), dev.coineconomy.money.Diamonds.of(3), 1, 3,
                Map.of("rose", 3L), 1, List.of(new GifterRank(1, VIEWER, Coins.of(3), 7, T0.plusSeconds(5)))), live);

        StreamTally ended = streams.end(S1, T0.plusSeconds(60));
        assertSame(tally, ended);
        assertEquals(Optional.empty(), streams.liveStreamOf(ANN));
        StreamSummary last = streams.summary(S1, 10);
        assertFalse(last.live());
        assertEquals(T0.plusSeconds(60), last.endedAt());
        assertEquals(Coins.of(3), last.coins());
        // the creator may go live again under a new id
        StreamTally again = streams.start(S2, ANN, T0.plusSeconds(120));
        assertSame(again, streams.liveStreamOf(ANN).orElseThrow());
        assertEquals(Coins.zero(), streams.summary(S2, 3).coins());
    }

    @Test
    void unknownStream() {
        StreamRegistry streams = new StreamRegistry();
        EconomyException e = rejected(RejectionCode.UNKNOWN_STREAM, () -> streams.forGift(S1, ANN));
        assertEquals(Map.of("streamId", S1), e.values());
        rejected(RejectionCode.UNKNOWN_STREAM, () -> streams.end(S1, T0));
        rejected(RejectionCode.UNKNOWN_STREAM, () -> streams.summary(S1, 1));
        assertEquals(Optional.empty(), streams.find(S1));
    }

    @Test
    void giftToAnEndedStream() {
        StreamRegistry streams = new StreamRegistry();
        streams.start(S1, ANN, T0);
        streams.end(S1, T0.plusSeconds(10));
        EconomyException e = rejected(RejectionCode.STREAM_NOT_LIVE, () -> streams.forGift(S1, ANN));
        assertEquals(S1, e.value("streamId"));
        assertEquals(NotLiveReason.ENDED, e.value("reason"));
        assertEquals(T0.plusSeconds(10), e.value("endedAt"));
    }

    @Test
    void giftNamingAStreamOfAnotherCreator() {
        StreamRegistry streams = new StreamRegistry();
        streams.start(S1, ANN, T0);
        EconomyException e = rejected(RejectionCode.STREAM_NOT_LIVE, () -> streams.forGift(S1, BOB));
        assertEquals(Map.of("streamId", S1, "reason", NotLiveReason.OTHER_CREATOR, "streamCreator", ANN,
                "creator", BOB), e.values());
        // the creator check comes first, also once the stream ended
        streams.end(S1, T0.plusSeconds(1));
        assertEquals(NotLiveReason.OTHER_CREATOR,
                rejected(RejectionCode.STREAM_NOT_LIVE, () -> streams.forGift(S1, BOB)).value("reason"));
    }

    @Test
    void streamIdsAreNeverReused() {
        StreamRegistry streams = new StreamRegistry();
        StreamTally first = streams.start(S1, ANN, T0);
        EconomyException live = rejected(RejectionCode.STREAM_NOT_LIVE, () -> streams.start(S1, BOB, T0));
        assertEquals(NotLiveReason.ID_ALREADY_USED, live.value("reason"));
        assertEquals(ANN, live.value("streamCreator"));
        assertEquals(Optional.empty(), streams.liveStreamOf(BOB)); // nothing changed
        streams.end(S1, T0.plusSeconds(5));
        EconomyException ended = rejected(RejectionCode.STREAM_NOT_LIVE, () -> streams.start(S1, ANN, T0.plusSeconds(9)));
        assertEquals(NotLiveReason.ID_ALREADY_USED, ended.value("reason"));
        assertSame(first, streams.find(S1).orElseThrow());
        assertFalse(first.live());
    }

    @Test
    void oneLiveStreamPerCreator() {
        StreamRegistry streams = new StreamRegistry();
        StreamTally s1 = streams.start(S1, ANN, T0);
        EconomyException e = rejected(RejectionCode.STREAM_NOT_LIVE, () -> streams.start(S2, ANN, T0.plusSeconds(1)));
        assertEquals(Map.of("streamId", S2, "reason", NotLiveReason.ALREADY_LIVE, "creator", ANN,
                "liveStreamId", S1), e.values());
        // the rejected start left nothing behind: S2 is unknown and still free
        assertEquals(Optional.empty(), streams.find(S2));
        assertSame(s1, streams.liveStreamOf(ANN).orElseThrow());
        // another creator may be live at the same time
        streams.start(S2, BOB, T0.plusSeconds(2));
        assertTrue(streams.forGift(S2, BOB).live());
        assertTrue(streams.forGift(S1, ANN).live());
    }

    @Test
    void endingTwiceOrBeforeTheStart() {
        StreamRegistry streams = new StreamRegistry();
        streams.start(S1, ANN, T0);
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> streams.end(S1, T0.minusSeconds(1)));
        assertTrue(early.getMessage().contains("before it started"), early::getMessage);
        assertTrue(streams.find(S1).orElseThrow().live());
        streams.end(S1, T0); // a zero-length stream is fine
        EconomyException twice = rejected(RejectionCode.STREAM_NOT_LIVE, () -> streams.end(S1, T0.plusSeconds(3)));
        assertEquals(NotLiveReason.ENDED, twice.value("reason"));
        assertEquals(T0, streams.summary(S1, 0).endedAt());
    }

    @Test
    void badArguments() {
        StreamRegistry streams = new StreamRegistry();
        assertEquals("streamId", assertThrows(NullPointerException.class, () -> streams.start(null, ANN, T0)).getMessage());
        assertEquals("creator", assertThrows(NullPointerException.class, () -> streams.start(S1, null, T0)).getMessage());
        assertEquals("at", assertThrows(NullPointerException.class, () -> streams.start(S1, ANN, null)).getMessage());
        StreamTally tally = streams.start(S1, ANN, T0);
        assertThrows(IllegalArgumentException.class, () -> tally.summary(-1));
        assertThrows(IllegalArgumentException.class, () -> tally.onGift(0, T0, VIEWER, "rose", 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> tally.onGift(1, T0, VIEWER, "rose", 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> tally.onGift(1, T0, VIEWER, "rose", 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> tally.onGift(1, T0, VIEWER, "rose", 1, 1, -1));
        assertThrows(NullPointerException.class, () -> tally.onGift(1, T0, null, "rose", 1, 1, 1));
        assertEquals(0, tally.summary(5).giftEntries()); // nothing was counted
    }

    @Test
    void summaryRecordIsImmutableAndOrdered() {
        java.util.HashMap<String, Long> map = new java.util.HashMap<>(Map.of("zebra", 1L, "apple", 2L, "mango", 3L));
        java.util.ArrayList<GifterRank> board = new java.util.ArrayList<>();
        StreamSummary s = new StreamSummary(S1, ANN, T0, null, Coins.zero(), dev.coineconomy.money.Diamonds.zero(),
                0, 6, map, 0, board);
        map.put("banana", 9L);
        board.add(new GifterRank(1, VIEWER, Coins.of(1), 1, T0));
        assertEquals(List.of("apple", "mango", "zebra"), List.copyOf(s.giftsById().keySet()));
        assertEquals(List.of(), s.leaderboard());
        assertThrows(UnsupportedOperationException.class, () -> s.giftsById().put("x", 1L));
        assertThrows(IllegalArgumentException.class, () -> new StreamSummary(S1, ANN, T0, T0.minusSeconds(1),
                Coins.zero(), dev.coineconomy.money.Diamonds.zero(), 0, 0, Map.of(), 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GifterRank(0, VIEWER, Coins.of(1), 1, T0));
        assertThrows(IllegalArgumentException.class, () -> new GifterRank(1, VIEWER, Coins.zero(), 1, T0));
    }

    @Test
    void streamIdsAreValidatedLikeUserIds() {
        assertEquals("live-42", StreamId.of("live-42").value());
        assertEquals("live-42", StreamId.of("live-42").toString());
        assertFalse(StreamId.of("A").equals(StreamId.of("a")));
        assertEquals("streamId", assertThrows(NullPointerException.class, () -> StreamId.of(null)).getMessage());
        assertEquals("streamId must have 1 to 128 characters, got 0",
                assertThrows(IllegalArgumentException.class, () -> StreamId.of("")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> StreamId.of("x".repeat(129)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StreamId.of("a b")).getMessage()
                .startsWith("streamId must not contain whitespace"));
        assertThrows(IllegalArgumentException.class, () -> StreamId.of("a\u0000"));
        assertThrows(IllegalArgumentException.class, () -> StreamId.of("\uD800"));
    }
}
