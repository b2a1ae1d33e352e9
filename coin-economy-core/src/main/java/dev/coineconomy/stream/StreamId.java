package dev.coineconomy.stream;

import dev.coineconomy.internal.Identifiers;

/**
 * The host application's identifier of one live stream.
 *
 * <p>1 to 128 characters, no whitespace or control characters (the syntax of
 * {@link dev.coineconomy.UserId}). Compared exactly (case-sensitive). An id names one stream for ever:
 * once a stream has been started under it, it cannot be started again, even after it ended.
 * Immutable and thread-safe.
 *
 * @param value the identifier
 */
public record StreamId(String value) {

    /**
     * Validates the identifier.
     *
     * @param value the identifier
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if it is empty, too long, or contains whitespace, control characters
     *                                  or unpaired surrogates
     */
    public StreamId {
        Identifiers.requireValid(value, "streamId");
    }

    /**
     * The stream with this identifier.
     *
     * @param value the identifier
     * @return the id
     */
    public static StreamId of(String value) {
        return new StreamId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
