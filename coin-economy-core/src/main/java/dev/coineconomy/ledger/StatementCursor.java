package dev.coineconomy.ledger;

import dev.coineconomy.UserId;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the next page of a user's statement starts, with the running balances of all the user's
 * accounts at that point, so that a page never rescans the user's history. Hosts may hand
 * {@link #token()} to their clients and {@link #parse parse} it back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param user          the statement's user
 * @param afterSequence the next page holds entries with a greater sequence (0 = from the start)
 * @param balances      the user's balances after entry {@code afterSequence}
 */
public record StatementCursor(UserId user, long afterSequence, Balances balances) {

    /**
     * Validates the cursor.
     *
     * @param user          the statement's user
     * @param afterSequence the next page holds entries with a greater sequence (0 = from the start)
     * @param balances      the user's balances after entry {@code afterSequence}
     * @throws NullPointerException     if {@code user} or {@code balances} is {@code null}
     * @throws IllegalArgumentException if {@code afterSequence} is negative
     */
    public StatementCursor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(balances, "balances");
        if (afterSequence < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "afterSequence must not be negative, got %d", afterSequence));
        }
    }

    /**
     * A cursor that knows only coins and available diamonds (held and in payout taken as 0), as before
     * issue 3.
     *
     * @param user           the statement's user
     * @param afterSequence  the next page holds entries with a greater sequence (0 = from the start)
     * @param coinBalance    the user's coins after entry {@code afterSequence}
     * @param diamondBalance the user's available diamonds after entry {@code afterSequence}
     * @throws NullPointerException     if {@code user} is {@code null}
     * @throws IllegalArgumentException if {@code afterSequence} is negative
     */
    public StatementCursor(UserId user, long afterSequence, long coinBalance, long diamondBalance) {
        this(user, afterSequence, new Balances(coinBalance, diamondBalance, 0, 0));
    }

    /**
     * The start of a user's statement.
     *
     * @param user the user
     * @return a cursor before the first entry, balances zero
     */
    public static StatementCursor start(UserId user) {
        return new StatementCursor(user, 0, Balances.ZERO);
    }

    /** @return the user's coins after entry {@code afterSequence} ({@code balances().coins()}) */
    public long coinBalance() {
        return balances.coins();
    }

    /** @return the user's available diamonds after entry {@code afterSequence} ({@code balances().diamonds()}) */
    public long diamondBalance() {
        return balances.diamonds();
    }

    /**
     * @return an opaque text form, {@code "<afterSequence>.<coins>.<diamonds>.<held>.<inPayout>"} (the
     *         balances in the order of {@link Balances#TYPES}); the user is not included
     */
    public String token() {
        StringBuilder sb = new StringBuilder().append(afterSequence);
        for (AccountType t : Balances.TYPES) {
            sb.append('.').append(balances.get(t));
        }
        return sb.toString();
    }

    /**
     * Reads a {@link #token()} back. A three-part token {@code "<afterSequence>.<coins>.<diamonds>"} of a
     * library from before held and in-payout balances is still read, with held and in payout taken as 0:
     * the running held and in-payout balances of pages read from it are then relative to that point (a
     * host that needs them absolute restarts from {@link #start}).
     *
     * @param user  the statement's user
     * @param token the token
     * @return the cursor
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the token is malformed
     */
    public static StatementCursor parse(UserId user, String token) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(token, "token");
        String[] parts = token.split("\\.", -1);
        int full = 1 + Balances.TYPES.size();
        try {
            if (parts.length == 3 || parts.length == full) {
                long[] n = new long[full];
                for (int i = 0; i < parts.length; i++) {
                    String p = parts[i];
                    if (p.isEmpty() || !p.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9'))) {
                        throw new NumberFormatException(p);
                    }
                    n[i] = Long.parseLong(p);
                }
                return new StatementCursor(user, n[0], new Balances(n[1], n[2], n[3], n[4]));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "statement cursor token must be '<sequence>.<coins>.<diamonds>.<held>.<inPayout>' "
                        + "(or the older '<sequence>.<coins>.<diamonds>') in ASCII digits, got '%s'", token));
    }
}
