package dev.coineconomy.ledger;

import dev.coineconomy.UserId;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the next page of a user's statement starts, with the running balances at that point, so that a
 * page never rescans the user's history. Hosts may hand {@link #token()} to their clients and
 * {@link #parse parse} it back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param user           the statement's user
 * @param afterSequence  the next page holds entries with a greater sequence (0 = from the start)
 * @param coinBalance    the user's coins after entry {@code afterSequence}
 * @param diamondBalance the user's diamonds after entry {@code afterSequence}
 */
public record StatementCursor(UserId user, long afterSequence, long coinBalance, long diamondBalance) {

    /**
     * Validates the cursor.
     *
     * @param user           the statement's user
     * @param afterSequence  the next page holds entries with a greater sequence (0 = from the start)
     * @param coinBalance    the user's coins after entry {@code afterSequence}
     * @param diamondBalance the user's diamonds after entry {@code afterSequence}
     * @throws NullPointerException     if {@code user} is {@code null}
     * @throws IllegalArgumentException if {@code afterSequence} is negative
     */
    public StatementCursor {
        Objects.requireNonNull(user, "user");
        if (afterSequence < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "afterSequence must not be negative, got %d", afterSequence));
        }
    }

    /**
     * The start of a user's statement.
     *
     * @param user the user
     * @return a cursor before the first entry, balances zero
     */
    public static StatementCursor start(UserId user) {
        return new StatementCursor(user, 0, 0, 0);
    }

    /**
     * @return an opaque text form, {@code "<afterSequence>.<coins>.<diamonds>"}; the user is not included
     */
    public String token() {
        return afterSequence + "." + coinBalance + "." + diamondBalance;
    }

    /**
     * Reads a {@link #token()} back.
     *
     * @param user  the statement's user
     * @param token the token
     * @return the cursor
     * @throws IllegalArgumentException if the token is malformed
     */
    public static StatementCursor parse(UserId user, String token) {
        Objects.requireNonNull(token, "token");
        String[] parts = token.split("\\.", -1);
        try {
            if (parts.length == 3) {
                for (String p : parts) {
                    if (p.isEmpty() || !p.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9'))) {
                        throw new NumberFormatException(p);
                    }
                }
                return new StatementCursor(user, Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                        Long.parseLong(parts[2]));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "statement cursor token must be '<sequence>.<coins>.<diamonds>' in ASCII digits, got '%s'", token));
    }
}
