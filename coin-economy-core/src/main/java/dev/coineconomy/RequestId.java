package dev.coineconomy;

/**
 * The idempotency key of one command, chosen by the caller (like an HTTP {@code Idempotency-Key}).
 *
 * <p>Retrying a command with the same request id returns the original receipt and changes nothing;
 * using an accepted command's id for a different command is rejected with
 * {@link RejectionCode#REQUEST_CONFLICT}. A rejected command does not consume its id.
 *
 * <p>1 to 128 characters, no whitespace or control characters. Immutable and thread-safe.
 *
 * @param value the key
 */
public record RequestId(String value) {

    /**
     * Validates the key.
     *
     * @param value the key
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if it is empty, too long, or contains whitespace, control characters
     *                                  or unpaired surrogates
     */
    public RequestId {
        Ids.requireValid(value, "requestId");
    }

    /**
     * The request with this key.
     *
     * @param value the key
     * @return the id
     */
    public static RequestId of(String value) {
        return new RequestId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
