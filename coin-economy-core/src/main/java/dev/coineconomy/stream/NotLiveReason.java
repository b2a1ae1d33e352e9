package dev.coineconomy.stream;

/**
 * Why a stream cannot take a command: the {@code reason} value of a
 * {@link dev.coineconomy.RejectionCode#STREAM_NOT_LIVE} rejection.
 */
public enum NotLiveReason {
    /** The stream has ended: it takes no more gifts and cannot end again. */
    ENDED,
    /** The creator already runs another live stream (a creator runs one stream at a time). */
    ALREADY_LIVE,
    /** A stream with this id was already started (ids are never reused, even after the stream ended). */
    ID_ALREADY_USED,
    /** The gift's creator does not run this stream. */
    OTHER_CREATOR
}
