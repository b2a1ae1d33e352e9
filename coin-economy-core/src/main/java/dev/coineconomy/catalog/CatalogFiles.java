package dev.coineconomy.catalog;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.internal.TextLines;
import dev.coineconomy.internal.TextLines.Line;
import dev.coineconomy.money.Money;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads a {@link Catalog} from two CSV files in the format of the reference catalog
 * ({@code coin-packs.csv} and {@code gifts.csv}). {@link Catalog#reference()} is read by this class.
 *
 * <h2>Format</h2>
 * <ul>
 *   <li>UTF-8; a leading byte-order mark is accepted and ignored; lines end with LF, CRLF or CR.</li>
 *   <li>Lines starting with {@code #} are comments and blank lines are ignored, anywhere in the file;
 *       line numbers in messages count them.</li>
 *   <li>The first other line is the header, exactly as below; every following line is one row with
 *       exactly as many cells as the header. A cell may be wholly enclosed in double quotes (then it may
 *       contain commas, and {@code ""} stands for one quote); a quote anywhere else is an error. A cell
 *       may not start or end with a space or tab. A header with no rows is an empty list.</li>
 *   <li>{@code coin-packs.csv}: {@value #PACKS_HEADER}. One row per pack, region and channel:
 *       {@code pack_id} an id of lower-case letters, digits and inner hyphens; {@code coins} a whole
 *       number from 1 to 2<sup>63</sup>−1, the same on every row of a pack; {@code region} an
 *       upper-case ISO 3166-1 alpha-2 code (lower case is rejected, so the file reads as it loads);
 *       {@code channel} {@code APP} or {@code WEB}; {@code currency} an ISO 4217 code;
 *       {@code price} a positive plain decimal with at most the currency's places ({@code 0.990} is
 *       rejected for USD); {@code source} free text. Packs keep the order of their first row.</li>
 *   <li>{@code gifts.csv}: {@value #GIFTS_HEADER}, optionally followed by any of the availability
 *       columns {@code regions}, {@code from}, {@code until}, {@code contexts} (each at most once, any
 *       order): {@code regions} upper-case region codes separated by single spaces, empty for
 *       everywhere; {@code from} and {@code until} ISO-8601 instants such as
 *       {@code 2026-12-01T00:00:00Z}, empty for no bound, {@code from} before {@code until};
 *       {@code contexts} {@code LIVE} and/or {@code VIDEO} separated by a space, empty for both.
 *       {@code gift_id} unique, {@code name} not blank, {@code coins} as for packs.</li>
 * </ul>
 *
 * <p>Every bad input is a {@link CatalogFormatException} naming the file, line, column, what was
 * expected and what was found; the loaders return a complete result or throw, never part of one.
 * A file that cannot be read is an {@link UncheckedIOException}. Stateless and thread-safe.
 */
public final class CatalogFiles {

    /** The header of a coin-pack file. */
    public static final String PACKS_HEADER = "pack_id,coins,region,channel,currency,price,source";
    /** The header of a gift file, without the optional availability columns. */
    public static final String GIFTS_HEADER = "gift_id,name,coins,source";
    /** The optional availability columns of a gift file. */
    public static final List<String> GIFT_AVAILABILITY_COLUMNS = List.of("regions", "from", "until", "contexts");

    private static final List<String> PACK_COLUMNS = List.of(PACKS_HEADER.split(","));
    private static final List<String> GIFT_COLUMNS = List.of(GIFTS_HEADER.split(","));
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private static final String EXPECTED_ID =
            "an id of 1 to 64 lower-case letters, digits and inner hyphens (e.g. coins-330)";
    private static final String EXPECTED_COINS = "a whole number of coins from 1 to " + Long.MAX_VALUE;
    private static final String EXPECTED_REGION = "an upper-case ISO 3166-1 alpha-2 region code such as US";

    private CatalogFiles() {
    }

    // ---- whole catalogs ------------------------------------------------------------------------

    /**
     * Loads a catalog from a coin-pack file and a gift file.
     *
     * @param packsCsv      the coin-pack file
     * @param giftsCsv      the gift file
     * @param version       the catalog's version label
     * @param effectiveFrom the instant the catalog takes effect
     * @return the complete catalog
     * @throws CatalogFormatException if a file is malformed (messages name the file by its file name)
     * @throws UncheckedIOException   if a file cannot be read
     */
    public static Catalog load(Path packsCsv, Path giftsCsv, String version, Instant effectiveFrom) {
        Objects.requireNonNull(packsCsv, "packsCsv");
        Objects.requireNonNull(giftsCsv, "giftsCsv");
        return build(loadPacks(packsCsv), loadGifts(giftsCsv), version, effectiveFrom);
    }

    /**
     * Reads a catalog from two readers (which are read to their end, not closed).
     *
     * @param packsName     the name of the coin-pack file, for messages
     * @param packs         its content
     * @param giftsName     the name of the gift file, for messages
     * @param gifts         its content
     * @param version       the catalog's version label
     * @param effectiveFrom the instant the catalog takes effect
     * @return the complete catalog
     * @throws CatalogFormatException if the content is malformed
     */
    public static Catalog read(String packsName, Reader packs, String giftsName, Reader gifts, String version,
                               Instant effectiveFrom) {
        return build(readPacks(packsName, packs), readGifts(giftsName, gifts), version, effectiveFrom);
    }

    private static Catalog build(List<CoinPack> packs, List<Gift> gifts, String version, Instant effectiveFrom) {
        Catalog.Builder builder = Catalog.builder().version(version).effectiveFrom(effectiveFrom);
        packs.forEach(builder::pack);
        gifts.forEach(builder::gift);
        return builder.build();
    }

    // ---- coin packs ----------------------------------------------------------------------------

    /**
     * Loads the coin packs of a file.
     *
     * @param path the file
     * @return the packs, in the order of their first row
     * @throws CatalogFormatException if the file is malformed
     * @throws UncheckedIOException   if it cannot be read
     */
    public static List<CoinPack> loadPacks(Path path) {
        return packs(String.valueOf(Objects.requireNonNull(path, "path").getFileName()), TextLines.read(path));
    }

    /**
     * Reads coin packs (the reader is read to its end, not closed).
     *
     * @param fileName the name for messages
     * @param reader   the content
     * @return the packs, in the order of their first row
     * @throws CatalogFormatException if the content is malformed
     */
    public static List<CoinPack> readPacks(String fileName, Reader reader) {
        Objects.requireNonNull(fileName, "fileName");
        return packs(fileName, TextLines.read(Objects.requireNonNull(reader, "reader")));
    }

    static List<CoinPack> packsFromBytes(String fileName, byte[] bytes) {
        return packs(fileName, TextLines.read(fileName, bytes));
    }

    private static final class PackRows {
        final long coins;
        final int line;
        final Map<PriceKey, Money> prices = new LinkedHashMap<>();
        final Map<PriceKey, Integer> lines = new HashMap<>();

        PackRows(long coins, int line) {
            this.coins = coins;
            this.line = line;
        }
    }

    private static List<CoinPack> packs(String file, List<Line> lines) {
        Table table = Table.parse(file, lines, PACK_COLUMNS, List.of());
        Map<String, PackRows> packs = new LinkedHashMap<>();
        for (Row row : table.rows) {
            String id = row.id("pack_id");
            long coins = row.coins("coins");
            Region region = row.region("region");
            Channel channel = row.channel("channel");
            Currency currency = row.currency("currency");
            Money price = row.price("price", currency);
            PackRows pack = packs.computeIfAbsent(id, k -> new PackRows(coins, row.line));
            if (pack.coins != coins) {
                throw CatalogFormatException.atColumn(file, row.line, "coins",
                        String.format(Locale.ROOT, "%d coins for pack %s as on line %d", pack.coins, id, pack.line),
                        CatalogFormatException.quote(row.cell("coins")));
            }
            PriceKey key = PriceKey.of(region, channel);
            Integer first = pack.lines.putIfAbsent(key, row.line);
            if (first != null) {
                throw CatalogFormatException.atLine(file, row.line, "one row per pack, region and channel",
                        String.format(Locale.ROOT, "a second row for %s %s (first on line %d)", id, key, first));
            }
            pack.prices.put(key, price);
        }
        List<CoinPack> result = new ArrayList<>();
        packs.forEach((id, rows) -> result.add(new CoinPack(id, dev.coineconomy.money.Coins.of(rows.coins), rows.prices)));
        return Collections.unmodifiableList(result);
    }

    // ---- gifts ---------------------------------------------------------------------------------

    /**
     * Loads the gifts of a file.
     *
     * @param path the file
     * @return the gifts, in file order
     * @throws CatalogFormatException if the file is malformed
     * @throws UncheckedIOException   if it cannot be read
     */
    public static List<Gift> loadGifts(Path path) {
        return gifts(String.valueOf(Objects.requireNonNull(path, "path").getFileName()), TextLines.read(path));
    }

    /**
     * Reads gifts (the reader is read to its end, not closed).
     *
     * @param fileName the name for messages
     * @param reader   the content
     * @return the gifts, in file order
     * @throws CatalogFormatException if the content is malformed
     */
    public static List<Gift> readGifts(String fileName, Reader reader) {
        Objects.requireNonNull(fileName, "fileName");
        return gifts(fileName, TextLines.read(Objects.requireNonNull(reader, "reader")));
    }

    static List<Gift> giftsFromBytes(String fileName, byte[] bytes) {
        return gifts(fileName, TextLines.read(fileName, bytes));
    }

    private static List<Gift> gifts(String file, List<Line> lines) {
        Table table = Table.parse(file, lines, GIFT_COLUMNS, GIFT_AVAILABILITY_COLUMNS);
        Map<String, Integer> firstLine = new HashMap<>();
        List<Gift> result = new ArrayList<>();
        for (Row row : table.rows) {
            String id = row.id("gift_id");
            Integer first = firstLine.putIfAbsent(id, row.line);
            if (first != null) {
                throw CatalogFormatException.atColumn(file, row.line, "gift_id", "a gift id not used on an earlier line",
                        String.format(Locale.ROOT, "%s (first on line %d)", CatalogFormatException.quote(id), first));
            }
            String name = row.cell("name");
            if (name.isBlank()) {
                throw CatalogFormatException.atColumn(file, row.line, "name", "a non-blank display name",
                        CatalogFormatException.quote(name));
            }
            long coins = row.coins("coins");
            result.add(Gift.of(id, name, coins, availability(row)));
        }
        return Collections.unmodifiableList(result);
    }

    private static GiftAvailability availability(Row row) {
        GiftAvailability a = GiftAvailability.ALWAYS;
        if (row.has("regions") && !row.cell("regions").isEmpty()) {
            Set<Region> regions = new TreeSet<>(java.util.Comparator.comparing(Region::code));
            for (String code : row.cell("regions").split(" ", -1)) {
                if (!REGION.matcher(code).matches() || !isRegion(code)) {
                    throw row.error("regions",
                            "upper-case ISO 3166-1 alpha-2 codes separated by single spaces (empty: everywhere)");
                }
                regions.add(Region.of(code));
            }
            a = a.withRegions(regions);
        }
        Instant from = row.has("from") ? row.instant("from") : null;
        Instant until = row.has("until") ? row.instant("until") : null;
        if (from != null && until != null && !from.isBefore(until)) {
            throw row.error("until", "an instant after from " + from);
        }
        a = a.withWindow(from, until);
        if (row.has("contexts") && !row.cell("contexts").isEmpty()) {
            EnumSet<GiftContext> contexts = EnumSet.noneOf(GiftContext.class);
            for (String name : row.cell("contexts").split(" ", -1)) {
                if (!name.equals("LIVE") && !name.equals("VIDEO")) {
                    throw row.error("contexts", "LIVE and/or VIDEO separated by a space (empty: both)");
                }
                contexts.add(GiftContext.valueOf(name));
            }
            a = a.withContexts(contexts);
        }
        return a;
    }

    private static boolean isRegion(String code) {
        try {
            Region.of(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- CSV -----------------------------------------------------------------------------------

    /** A parsed file: header checked, rows split and counted. */
    private static final class Table {
        final List<Row> rows = new ArrayList<>();

        static Table parse(String file, List<Line> lines, List<String> required, List<String> optional) {
            Table table = new Table();
            List<String> columns = null;
            for (Line line : lines) {
                String text = line.text();
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                if (columns == null) {
                    columns = header(file, line, required, optional);
                    continue;
                }
                List<String> cells = split(file, line, columns);
                if (cells.size() != columns.size()) {
                    String found = String.format(Locale.ROOT, "%d", cells.size());
                    if (text.endsWith(",")) {
                        found += " (the line ends with a separator)";
                    }
                    throw CatalogFormatException.atLine(file, line.number(),
                            String.format(Locale.ROOT, "%d columns (%s)", columns.size(), String.join(",", columns)),
                            found);
                }
                Map<String, String> byName = new HashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    String cell = cells.get(i);
                    if (!cell.equals(cell.strip()) || cell.startsWith("\t") || cell.endsWith("\t")) {
                        throw CatalogFormatException.atColumn(file, line.number(), columns.get(i),
                                "no space before or after the value", CatalogFormatException.quote(cell));
                    }
                    byName.put(columns.get(i), cell);
                }
                table.rows.add(new Row(file, line.number(), byName));
            }
            if (columns == null) {
                int next = lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number() + 1;
                throw CatalogFormatException.atLine(file, next, headerExpectation(required, optional),
                        lines.isEmpty() ? "an empty file" : "end of file");
            }
            return table;
        }

        private static String headerExpectation(List<String> required, List<String> optional) {
            String expected = "the header " + CatalogFormatException.quote(String.join(",", required));
            if (!optional.isEmpty()) {
                expected += " (optionally followed by " + String.join(", ", optional) + ")";
            }
            return expected;
        }

        private static List<String> header(String file, Line line, List<String> required, List<String> optional) {
            List<String> names = List.of(line.text().split(",", -1));
            boolean ok = names.size() >= required.size() && names.subList(0, required.size()).equals(required);
            if (ok) {
                Set<String> extra = new LinkedHashSet<>();
                for (String name : names.subList(required.size(), names.size())) {
                    ok &= optional.contains(name) && extra.add(name);
                }
            }
            if (!ok) {
                throw CatalogFormatException.atLine(file, line.number(), headerExpectation(required, optional),
                        CatalogFormatException.quote(line.text()));
            }
            return names;
        }

        /** Splits a line into cells: RFC 4180 quoting within one line. */
        private static List<String> split(String file, Line line, List<String> columns) {
            String text = line.text();
            List<String> cells = new ArrayList<>();
            int i = 0;
            int n = text.length();
            while (true) {
                String column = cells.size() < columns.size() ? columns.get(cells.size())
                        : String.format(Locale.ROOT, "%d", cells.size() + 1);
                if (i < n && text.charAt(i) == '"') {
                    StringBuilder cell = new StringBuilder();
                    int start = i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                cell.append('"');
                                i++;
                            } else {
                                closed = true;
                                break;
                            }
                        } else {
                            cell.append(c);
                        }
                    }
                    if (!closed) {
                        throw CatalogFormatException.atColumn(file, line.number(), column,
                                "a closing quote before the end of the line",
                                CatalogFormatException.quote(text.substring(start)));
                    }
                    if (i < n && text.charAt(i) != ',') {
                        int end = text.indexOf(',', i);
                        throw strayQuote(file, line, column, text.substring(start, end < 0 ? n : end));
                    }
                    cells.add(cell.toString());
                } else {
                    int end = text.indexOf(',', i);
                    String cell = text.substring(i, end < 0 ? n : end);
                    if (cell.indexOf('"') >= 0) {
                        throw strayQuote(file, line, column, cell);
                    }
                    cells.add(cell);
                    i = end < 0 ? n : end;
                }
                if (i >= n) {
                    return cells;
                }
                i++; // the comma
                if (i == n) {
                    cells.add("");
                    return cells;
                }
            }
        }

        private static CatalogFormatException strayQuote(String file, Line line, String column, String cell) {
            return CatalogFormatException.atColumn(file, line.number(), column,
                    "a value without quotes, or wholly in quotes with \"\" for a quote",
                    CatalogFormatException.quote(cell));
        }
    }

    /** One row, cells by column name. */
    private static final class Row {
        final String file;
        final int line;
        final Map<String, String> cells;

        Row(String file, int line, Map<String, String> cells) {
            this.file = file;
            this.line = line;
            this.cells = cells;
        }

        boolean has(String column) {
            return cells.containsKey(column);
        }

        String cell(String column) {
            return cells.get(column);
        }

        CatalogFormatException error(String column, String expected) {
            return CatalogFormatException.atColumn(file, line, column, expected,
                    CatalogFormatException.quote(cell(column)));
        }

        String id(String column) {
            String v = cell(column);
            if (v.length() > 64 || !ID.matcher(v).matches()) {
                throw error(column, EXPECTED_ID);
            }
            return v;
        }

        long coins(String column) {
            String v = cell(column);
            if (!DIGITS.matcher(v).matches()) {
                throw error(column, EXPECTED_COINS);
            }
            long coins;
            try {
                coins = Long.parseLong(v);
            } catch (NumberFormatException overflow) {
                throw error(column, EXPECTED_COINS);
            }
            if (coins < 1) {
                throw error(column, EXPECTED_COINS);
            }
            return coins;
        }

        Region region(String column) {
            String v = cell(column);
            if (!REGION.matcher(v).matches() || !isRegion(v)) {
                throw error(column, EXPECTED_REGION);
            }
            return Region.of(v);
        }

        Channel channel(String column) {
            String v = cell(column);
            for (Channel c : Channel.values()) {
                if (c.name().equals(v)) {
                    return c;
                }
            }
            throw error(column, "APP or WEB");
        }

        Currency currency(String column) {
            String v = cell(column);
            if (CURRENCY.matcher(v).matches()) {
                try {
                    return Money.currency(v);
                } catch (IllegalArgumentException unknown) {
                    // fall through
                }
            }
            throw error(column, "an ISO 4217 currency code with a minor unit, such as USD");
        }

        Money price(String column, Currency currency) {
            String v = cell(column);
            int places = currency.getDefaultFractionDigits();
            String code = currency.getCurrencyCode();
            String expected = places == 0
                    ? "a positive whole number for " + code + " (it has no minor unit)"
                    : String.format(Locale.ROOT, "a positive decimal with at most %d places for %s", places, code);
            Pattern form = Pattern.compile(places == 0 ? "[0-9]+" : "[0-9]+(\\.[0-9]{1," + places + "})?");
            if (!form.matcher(v).matches()) {
                throw error(column, expected);
            }
            Money price = Money.of(currency, new BigDecimal(v));
            if (!price.isPositive()) {
                throw error(column, expected);
            }
            try {
                price.toMinorUnits();
            } catch (ArithmeticException overflow) {
                throw error(column, "a price of at most " + Money.ofMinor(currency, Long.MAX_VALUE));
            }
            return price;
        }

        Instant instant(String column) {
            String v = cell(column);
            if (v.isEmpty()) {
                return null;
            }
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw error(column, "an ISO-8601 instant such as 2026-12-01T00:00:00Z (empty: no bound)");
            }
        }
    }
}
