package dev.coineconomy.catalog;

/** Where a gift is sent: during a LIVE stream, or on a (recorded) video. */
public enum GiftContext {
    /** During a LIVE stream. */
    LIVE,
    /** On a video, outside a LIVE stream. */
    VIDEO
}
