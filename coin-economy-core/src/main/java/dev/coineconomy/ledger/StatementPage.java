package dev.coineconomy.ledger;

import java.util.List;
import java.util.Objects;

/**
 * A page of a user's statement.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lines the lines, oldest first
 * @param next  where the next page starts: after the last line (or where this page started, if it is
 *              empty); pass it again later to read entries committed since
 * @param more  whether more committed entries of the user followed this page when it was read
 */
public record StatementPage(List<StatementLine> lines, StatementCursor next, boolean more) {

    /**
     * Copies the lines.
     *
     * @param lines the lines, oldest first
     * @param next  where the next page starts: after the last line (or where this page started, if it is
     *              empty); pass it again later to read entries committed since
     * @param more  whether more committed entries of the user followed this page when it was read
     * @throws NullPointerException if an argument is {@code null}
     */
    public StatementPage {
        lines = List.copyOf(lines);
        Objects.requireNonNull(next, "next");
    }
}
