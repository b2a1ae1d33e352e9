package dev.coineconomy.internal;

import dev.coineconomy.EconomyException;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.stream.NotLiveReason;
import dev.coineconomy.stream.StreamId;
import dev.coineconomy.stream.StreamSummary;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams of one economy, by id, each with its {@link StreamTally}. Thread-safe: starting and ending
 * are serialised (they are rare), looking a stream up for a gift takes no lock.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>A stream id is used once: starting an id that was ever started is {@code STREAM_NOT_LIVE} with
 *       reason {@link NotLiveReason#ID_ALREADY_USED}, even if that stream ended.</li>
 *   <li>A creator runs at most one stream at a time (a creator is either live or not, as on the
 *       platforms we model; a gift naming "the" live stream of a creator is then unambiguous): starting a
 *       second one while the first is live is {@code STREAM_NOT_LIVE} with reason
 *       {@link NotLiveReason#ALREADY_LIVE}, naming the live stream.</li>
 *   <li>Ending an unknown stream is {@code UNKNOWN_STREAM}; ending it twice is {@code STREAM_NOT_LIVE} with
 *       reason {@link NotLiveReason#ENDED}.</li>
 *   <li>A gift naming a stream ({@link #forGift}): unknown id is {@code UNKNOWN_STREAM}; an ended stream is
 *       {@code STREAM_NOT_LIVE} / {@link NotLiveReason#ENDED}; a stream of another creator is
 *       {@code STREAM_NOT_LIVE} / {@link NotLiveReason#OTHER_CREATOR}.</li>
 * </ul>
 * A rejection changes nothing. Rejection values: {@code streamId}, {@code reason} (a {@link NotLiveReason}),
 * and where relevant {@code creator}, {@code liveStreamId}, {@code endedAt}, {@code streamCreator}.
 *
 * <p>A gift checked by {@link #forGift} just before another thread ends the stream is still added to it
 * when reported: the check and the end are not atomic with the gift's commit. Its sequence then orders
 * it before the end in the journal only if the host journals stream ends; the summary counts it either
 * way.
 */
public final class StreamRegistry {

    private final ConcurrentHashMap<StreamId, StreamTally> streams = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UserId, StreamTally> liveByCreator = new ConcurrentHashMap<>();

    /**
     * Starts a stream.
     *
     * @param id      the new stream's id, never used before
     * @param creator the creator who goes live
     * @param at      when
     * @return the new stream's tally
     * @throws EconomyException {@code STREAM_NOT_LIVE} with reason {@code ID_ALREADY_USED} or
     *                          {@code ALREADY_LIVE}
     */
    public synchronized StreamTally start(StreamId id, UserId creator, Instant at) {
        Objects.requireNonNull(id, "streamId");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(at, "at");
        StreamTally existing = streams.get(id);
        if (existing != null) {
            throw Rules.reject(RejectionCode.STREAM_NOT_LIVE,
                    String.format(Locale.ROOT, "stream id %s was already used (by creator %s, started %s)",
                            id, existing.creator(), existing.startedAt()),
                    "streamId", id, "reason", NotLiveReason.ID_ALREADY_USED, "streamCreator", existing.creator());
        }
        StreamTally live = liveByCreator.get(creator);
        if (live != null) {
            throw Rules.reject(RejectionCode.STREAM_NOT_LIVE,
                    String.format(Locale.ROOT, "creator %s is already live in stream %s; end it before starting %s",
                            creator, live.streamId(), id),
                    "streamId", id, "reason", NotLiveReason.ALREADY_LIVE, "creator", creator,
                    "liveStreamId", live.streamId());
        }
        StreamTally tally = new StreamTally(id, creator, at);
        streams.put(id, tally);
        liveByCreator.put(creator, tally);
        return tally;
    }

    /**
     * Ends a live stream. Its summary stays readable.
     *
     * @param id the stream
     * @param at when, not before it started
     * @return the final summary's source (the tally, now ended)
     * @throws EconomyException         {@code UNKNOWN_STREAM}, or {@code STREAM_NOT_LIVE} with reason
     *                                  {@code ENDED}
     * @throws IllegalArgumentException if {@code at} is before the stream started
     */
    public synchronized StreamTally end(StreamId id, Instant at) {
        Objects.requireNonNull(id, "streamId");
        Objects.requireNonNull(at, "at");
        StreamTally tally = require(id);
        if (!tally.live()) {
            throw ended(tally);
        }
        tally.end(at);
        liveByCreator.remove(tally.creator(), tally);
        return tally;
    }

    /**
     * The stream a gift names, checked: it exists, is live and is run by the gift's creator. Call before
     * the gift commits; after commit, report the gift with {@link StreamTally#onGift}.
     *
     * @param id      the stream the gift names
     * @param creator the gift's creator
     * @return the stream's tally
     * @throws EconomyException {@code UNKNOWN_STREAM}, or {@code STREAM_NOT_LIVE} with reason {@code ENDED}
     *                          or {@code OTHER_CREATOR}
     */
    public StreamTally forGift(StreamId id, UserId creator) {
        Objects.requireNonNull(id, "streamId");
        Objects.requireNonNull(creator, "creator");
        StreamTally tally = require(id);
        if (!tally.creator().equals(creator)) {
            throw Rules.reject(RejectionCode.STREAM_NOT_LIVE,
                    String.format(Locale.ROOT, "stream %s is run by creator %s, not by %s",
                            id, tally.creator(), creator),
                    "streamId", id, "reason", NotLiveReason.OTHER_CREATOR, "streamCreator", tally.creator(),
                    "creator", creator);
        }
        if (!tally.live()) {
            throw ended(tally);
        }
        return tally;
    }

    /**
     * A stream, live or ended.
     *
     * @param id the stream
     * @return its tally, or empty if no stream was started with this id
     */
    public Optional<StreamTally> find(StreamId id) {
        return Optional.ofNullable(streams.get(Objects.requireNonNull(id, "streamId")));
    }

    /**
     * The summary of a stream, live or ended.
     *
     * @param id   the stream
     * @param topN how many leaderboard rows
     * @return the summary
     * @throws EconomyException {@code UNKNOWN_STREAM}
     */
    public StreamSummary summary(StreamId id, int topN) {
        return require(Objects.requireNonNull(id, "streamId")).summary(topN);
    }

    /**
     * The live stream of a creator.
     *
     * @param creator the creator
     * @return the stream the creator runs now, or empty
     */
    public Optional<StreamTally> liveStreamOf(UserId creator) {
        return Optional.ofNullable(liveByCreator.get(Objects.requireNonNull(creator, "creator")));
    }

    /**
     * A stream, live or ended.
     *
     * @param id the stream
     * @return its tally
     * @throws EconomyException {@code UNKNOWN_STREAM}
     */
    public StreamTally require(StreamId id) {
        StreamTally tally = streams.get(id);
        if (tally == null) {
            throw Rules.reject(RejectionCode.UNKNOWN_STREAM,
                    String.format(Locale.ROOT, "no stream %s was started", id), "streamId", id);
        }
        return tally;
    }

    private static EconomyException ended(StreamTally tally) {
        return Rules.reject(RejectionCode.STREAM_NOT_LIVE,
                String.format(Locale.ROOT, "stream %s ended at %s", tally.streamId(), tally.endedAt()),
                "streamId", tally.streamId(), "reason", NotLiveReason.ENDED, "endedAt", tally.endedAt());
    }
}
