package dev.coineconomy.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A plain-text table with aligned columns: a header, a rule, rows and optional total rows below a
 * second rule. Text columns are left-aligned, numeric ones right-aligned. Not thread-safe.
 */
public final class TextTable {

    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String[]> totals = new ArrayList<>();

    /**
     * Starts a table. A header ending in {@code ">"} names a right-aligned column (the marker is not
     * printed).
     *
     * @param headers the column headers
     */
    public TextTable(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.headers = new String[headers.length];
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            String h = Objects.requireNonNull(headers[i], "headers");
            rightAligned[i] = h.endsWith(">");
            this.headers[i] = rightAligned[i] ? h.substring(0, h.length() - 1) : h;
        }
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @return this table
     */
    public TextTable row(Object... cells) {
        rows.add(cells(cells));
        return this;
    }

    /**
     * Adds a total row, printed below a rule after the rows.
     *
     * @param cells one cell per column
     * @return this table
     */
    public TextTable total(Object... cells) {
        totals.add(cells(cells));
        return this;
    }

    private String[] cells(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expected %d cells, got %d", headers.length, cells.length));
        }
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = String.valueOf(cells[i]);
        }
        return out;
    }

    /**
     * Renders the table, each line indented by {@code indent} and ended by a newline.
     *
     * @param indent the prefix of every line
     * @return the text
     */
    public String render(String indent) {
        int[] width = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            width[i] = headers[i].length();
        }
        for (List<String[]> part : List.of(rows, totals)) {
            for (String[] r : part) {
                for (int i = 0; i < r.length; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, indent, headers, width);
        rule(out, indent, width);
        for (String[] r : rows) {
            line(out, indent, r, width);
        }
        if (!totals.isEmpty()) {
            rule(out, indent, width);
            for (String[] r : totals) {
                line(out, indent, r, width);
            }
        }
        return out.toString();
    }

    private void line(StringBuilder out, String indent, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            line.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void rule(StringBuilder out, String indent, int[] width) {
        int total = Arrays.stream(width).sum() + 2 * (width.length - 1);
        out.append(indent).append("-".repeat(total)).append('\n');
    }
}
