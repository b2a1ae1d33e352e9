package dev.coineconomy;

/**
 * The host application's identifier of a user (viewer or creator).
 *
 * <p>1 to 128 characters, no whitespace or control characters. Compared exactly (case-sensitive).
 * Immutable and thread-safe.
 *
 * @param value the identifier
 */
public record UserId(String value) {

    /**
     * Validates the identifier.
     *
     * @param value the identifier
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if it is empty, too long, or contains whitespace, control characters
     *                                  or unpaired surrogates
     */
    public UserId {
        Ids.requireValid(value, "userId");
    }

    /**
     * The user with this identifier.
     *
     * @param value the identifier
     * @return the id
     */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
