package dev.coineconomy.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * Bad content in a catalog file ({@link CatalogFiles}) or a policy file
 * ({@link dev.coineconomy.policy.PolicyFiles}): the one exception type their loaders throw for bad
 * input. The message names the file, the line (1-based, counting comment and blank lines), the column
 * or key, what was expected and what was found, e.g.
 * {@code coin-packs.csv line 7, column price: expected a positive decimal with at most 2 places for USD, found "0.999"}.
 *
 * <p>A loader that throws it has returned nothing: there is no partial catalog or policy.
 */
public final class CatalogFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The file name as given to the loader. */
    private final String fileName;
    /** The 1-based line, or 0 if the problem is not on one line (e.g. a missing key). */
    private final int line;
    /** The CSV column name, or {@code null}. */
    private final String column;
    /** The policy key, or {@code null}. */
    private final String key;
    /** What the loader expected. */
    private final String expected;
    /** What it found, rendered (quoted and escaped when it is file text). */
    private final String found;

    private CatalogFormatException(String fileName, int line, String column, String key, String expected,
                                   String found) {
        super(message(fileName, line, column, key, expected, found));
        this.fileName = fileName;
        this.line = line;
        this.column = column;
        this.key = key;
        this.expected = expected;
        this.found = found;
    }

    private static String message(String fileName, int line, String column, String key, String expected,
                                  String found) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        StringBuilder b = new StringBuilder(fileName);
        if (line > 0) {
            b.append(" line ").append(line);
        }
        if (column != null) {
            b.append(", column ").append(column);
        }
        if (key != null) {
            b.append(", key ").append(key);
        }
        return b.append(": expected ").append(expected).append(", found ").append(found).toString();
    }

    /**
     * A problem with a whole line (or, with {@code line} 0, the whole file).
     *
     * @param fileName the file name
     * @param line     the 1-based line, or 0
     * @param expected what was expected, e.g. {@code "7 columns"}
     * @param found    what was found, already rendered (see {@link #quote(String)})
     * @return the exception
     */
    public static CatalogFormatException atLine(String fileName, int line, String expected, String found) {
        return new CatalogFormatException(fileName, line, null, null, expected, found);
    }

    /**
     * A problem with one CSV cell.
     *
     * @param fileName the file name
     * @param line     the 1-based line
     * @param column   the column name from the header
     * @param expected what was expected
     * @param found    what was found, already rendered (see {@link #quote(String)})
     * @return the exception
     */
    public static CatalogFormatException atColumn(String fileName, int line, String column, String expected,
                                                  String found) {
        return new CatalogFormatException(fileName, line, Objects.requireNonNull(column, "column"), null,
                expected, found);
    }

    /**
     * A problem with one key of a key = value file.
     *
     * @param fileName the file name
     * @param line     the 1-based line, or 0 if the key is missing
     * @param key      the key
     * @param expected what was expected
     * @param found    what was found, already rendered (see {@link #quote(String)})
     * @return the exception
     */
    public static CatalogFormatException atKey(String fileName, int line, String key, String expected,
                                               String found) {
        return new CatalogFormatException(fileName, line, null, Objects.requireNonNull(key, "key"),
                expected, found);
    }

    /**
     * Renders file text for a message: in double quotes, with {@code "} and {@code \} escaped by a
     * backslash and control characters (and U+FEFF) as {@code \}{@code uXXXX}.
     *
     * @param text the text
     * @return the quoted text
     */
    public static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || c == '\ufeff') {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** @return the file name as given to the loader */
    public String fileName() {
        return fileName;
    }

    /** @return the 1-based line, or 0 if the problem is not on one line */
    public int line() {
        return line;
    }

    /** @return the CSV column name, or {@code null} if the problem is not in one cell */
    public String column() {
        return column;
    }

    /** @return the policy key, or {@code null} if the problem is not about one key */
    public String key() {
        return key;
    }

    /** @return what the loader expected */
    public String expected() {
        return expected;
    }

    /** @return what the loader found, as rendered in the message */
    public String found() {
        return found;
    }
}
