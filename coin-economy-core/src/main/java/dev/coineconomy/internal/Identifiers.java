package dev.coineconomy.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * The syntax shared by every identifier of the API ({@code UserId}, {@code RequestId}, {@code StreamId}):
 * 1 to {@value #MAX_LENGTH} characters, no whitespace or control characters, well-formed UTF-16.
 */
public final class Identifiers {

    /** The longest identifier accepted, in characters. */
    public static final int MAX_LENGTH = 128;

    private Identifiers() {
    }

    /**
     * Checks an identifier.
     *
     * @param value the identifier
     * @param what  its name in messages, e.g. {@code "userId"}
     * @return {@code value}
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if it is empty, too long, or contains whitespace, control characters
     *                                  or unpaired surrogates
     */
    public static String requireValid(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must have 1 to %d characters, got %d", what, MAX_LENGTH, value.length()));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s must not contain whitespace or control characters, found U+%04X at index %d in '%s'",
                        what, (int) c, i, value));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // an unpaired surrogate has no UTF-8 form: two such ids would share one stored key
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s must be well-formed UTF-16, found an unpaired surrogate U+%04X at index %d",
                        what, (int) c, i));
            }
        }
        return value;
    }
}
