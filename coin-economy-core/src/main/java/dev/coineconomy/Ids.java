package dev.coineconomy;

import java.util.Locale;
import java.util.Objects;

/** Shared validation of identifier strings. */
final class Ids {

    /** The longest identifier accepted, in characters. */
    static final int MAX_LENGTH = 128;

    private Ids() {
    }

    static String requireValid(String value, String what) {
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
