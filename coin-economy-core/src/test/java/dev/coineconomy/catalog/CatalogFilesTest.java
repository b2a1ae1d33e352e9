package dev.coineconomy.catalog;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CatalogFiles}: the malformed corpus under {@code malformed/} with the exact message of each file,
 * and the files that must load (the reference CSVs, with BOM, CRLF or CR, quoting, availability columns).
 */
class CatalogFilesTest {

    private static final Path REFERENCE = Path.of("src", "main", "resources", "dev", "coineconomy", "reference");
    private static final String COINS = "a whole number of coins from 1 to 9223372036854775807";
    private static final String PACKS_HEADER =
            "the header \"pack_id,coins,region,channel,currency,price,source\"";
    private static final String GIFTS_HEADER =
            "the header \"gift_id,name,coins,source\" (optionally followed by regions, from, until, contexts)";
    private static final String USD_PRICE = "a positive decimal with at most 2 places for USD";
    private static final String REGION = "an upper-case ISO 3166-1 alpha-2 region code such as US";
    private static final String QUOTES = "a value without quotes, or wholly in quotes with \"\" for a quote";

    static Stream<Arguments> malformed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("packs-empty.csv", "line 1: expected " + PACKS_HEADER + ", found an empty file");
        m.put("gifts-comments-only.csv", "line 3: expected " + GIFTS_HEADER + ", found end of file");
        m.put("packs-missing-header.csv",
                "line 2: expected " + PACKS_HEADER + ", found \"coins-65,65,US,APP,USD,0.99,seed\"");
        m.put("packs-wrong-header.csv",
                "line 1: expected " + PACKS_HEADER + ", found \"pack,coins,region,channel,currency,price,source\"");
        m.put("packs-bom-twice.csv", "line 1: expected " + PACKS_HEADER
                + ", found \"\\ufeffpack_id,coins,region,channel,currency,price,source\"");
        m.put("gifts-unknown-extra-column.csv",
                "line 1: expected " + GIFTS_HEADER + ", found \"gift_id,name,coins,source,colour\"");
        m.put("gifts-duplicate-id.csv",
                "line 4, column gift_id: expected a gift id not used on an earlier line, found \"rose\" (first on line 2)");
        m.put("packs-duplicate-price-row.csv", "line 4: expected one row per pack, region and channel, "
                + "found a second row for coins-65 US/APP (first on line 2)");
        m.put("packs-negative-price.csv", "line 2, column price: expected " + USD_PRICE + ", found \"-0.99\"");
        m.put("packs-zero-price.csv", "line 2, column price: expected " + USD_PRICE + ", found \"0.00\"");
        m.put("packs-too-many-decimals.csv", "line 7, column price: expected " + USD_PRICE + ", found \"0.999\"");
        m.put("packs-jpy-decimals.csv",
                "line 2, column price: expected a positive whole number for JPY (it has no minor unit), found \"100.5\"");
        m.put("packs-price-overflow.csv", "line 2, column price: expected a price of at most "
                + "USD 92233720368547758.07, found \"92233720368547758.08\"");
        m.put("packs-unknown-currency.csv", "line 2, column currency: expected an ISO 4217 currency code "
                + "with a minor unit, such as USD, found \"XYZ\"");
        m.put("packs-unknown-region.csv", "line 2, column region: expected " + REGION + ", found \"XX\"");
        m.put("packs-lower-case-region.csv", "line 2, column region: expected " + REGION + ", found \"us\"");
        m.put("packs-lower-case-channel.csv", "line 2, column channel: expected APP or WEB, found \"app\"");
        m.put("packs-bad-id.csv", "line 2, column pack_id: expected an id of 1 to 64 lower-case letters, digits "
                + "and inner hyphens (e.g. coins-330), found \"Coins_65\"");
        m.put("packs-non-numeric-coins.csv", "line 2, column coins: expected " + COINS + ", found \"sixty-five\"");
        m.put("packs-coins-overflow.csv",
                "line 2, column coins: expected " + COINS + ", found \"9223372036854775808\"");
        m.put("packs-zero-coins.csv", "line 2, column coins: expected " + COINS + ", found \"0\"");
        m.put("gifts-negative-coins.csv", "line 2, column coins: expected " + COINS + ", found \"-1\"");
        m.put("packs-inconsistent-coins.csv",
                "line 3, column coins: expected 65 coins for pack coins-65 as on line 2, found \"66\"");
        m.put("gifts-blank-name.csv", "line 2, column name: expected a non-blank display name, found \"\"");
        m.put("gifts-space-around-value.csv",
                "line 2, column coins: expected no space before or after the value, found \" 1\"");
        m.put("gifts-stray-quote.csv", "line 2, column name: expected " + QUOTES + ", found \"Ro\\\"se\"");
        m.put("gifts-text-after-closing-quote.csv",
                "line 2, column name: expected " + QUOTES + ", found \"\\\"Ro\\\"se\"");
        m.put("gifts-unterminated-quote.csv",
                "line 2, column name: expected a closing quote before the end of the line, found \"\\\"Rose,1,T\"");
        m.put("packs-trailing-separator.csv", "line 2: expected 7 columns "
                + "(pack_id,coins,region,channel,currency,price,source), found 8 (the line ends with a separator)");
        m.put("packs-missing-column.csv",
                "line 2: expected 7 columns (pack_id,coins,region,channel,currency,price,source), found 6");
        m.put("gifts-bom-crlf-bad-coins.csv", "line 3, column coins: expected " + COINS + ", found \"1.5\"");
        m.put("gifts-not-utf8.csv", "line 3: expected UTF-8 text, found the byte 0xe9, which is not UTF-8");
        m.put("gifts-bad-window.csv", "line 2, column until: expected an instant after from "
                + "2026-12-01T00:00:00Z, found \"2026-11-01T00:00:00Z\"");
        m.put("gifts-bad-instant.csv", "line 2, column from: expected an ISO-8601 instant such as "
                + "2026-12-01T00:00:00Z (empty: no bound), found \"2026-12-01\"");
        m.put("gifts-bad-region-list.csv", "line 2, column regions: expected upper-case ISO 3166-1 alpha-2 "
                + "codes separated by single spaces (empty: everywhere), found \"US,GB\"");
        m.put("gifts-unknown-context.csv", "line 2, column contexts: expected LIVE and/or VIDEO separated by a "
                + "space (empty: both), found \"LIVE STORY\"");
        return m.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getKey() + " " + e.getValue()));
    }

    static Path corpus(String name) {
        try {
            return Path.of(CatalogFilesTest.class.getResource("malformed/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("corpus file missing: " + name, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFileGetsItsExactMessage(String file, String message) {
        Path path = corpus(file);
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> {
            if (file.startsWith("packs-")) {
                CatalogFiles.loadPacks(path);
            } else {
                CatalogFiles.loadGifts(path);
            }
        });
        assertEquals(message, e.getMessage());
        assertEquals(file, e.fileName());
        assertNull(e.key());
        assertTrue(e.line() >= 1, () -> "line " + e.line());
    }

    @Test
    void everyCorpusFileHasAnExpectedMessage() throws IOException {
        Set<String> listed = malformed().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(corpus("packs-empty.csv").getParent())) {
            Set<String> present = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv")).collect(Collectors.toSet());
            assertEquals(present, listed);
        }
        assertTrue(listed.size() >= 20, () -> listed.size() + " malformed files");
    }

    @Test
    void exceptionNamesItsParts() {
        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> CatalogFiles.loadPacks(corpus("packs-too-many-decimals.csv")));
        assertEquals("packs-too-many-decimals.csv", e.fileName());
        assertEquals(7, e.line());
        assertEquals("price", e.column());
        assertEquals(USD_PRICE, e.expected());
        assertEquals("\"0.999\"", e.found());
        assertTrue(e instanceof IllegalArgumentException);
    }

    // ---- files that load ----------------------------------------------------------------------

    private static Catalog loadReference(Path packs, Path gifts) {
        return CatalogFiles.load(packs, gifts, Catalog.REFERENCE_VERSION, Instant.EPOCH);
    }

    @Test
    void referenceCsvsLoadIntoTheReferenceCatalog() {
        Catalog loaded = loadReference(REFERENCE.resolve("coin-packs.csv"), REFERENCE.resolve("gifts.csv"));
        assertEquals(Catalog.reference(), loaded);
        assertEquals(6, loaded.packs().stream().filter(p -> p.price(Region.of("US"), Channel.APP).isPresent()).count());
        assertEquals(36, loaded.gifts().size());
        assertEquals(Money.of("GBP", "4.49"),
                loaded.pack("coins-330").orElseThrow().price(Region.of("GB"), Channel.APP).orElseThrow());
        assertTrue(loaded.gifts().stream().allMatch(g -> g.availability().equals(GiftAvailability.ALWAYS)));
    }

    /** The parser the reference catalog used before CatalogFiles: split on commas, no checks. */
    private static Catalog legacyReference() throws IOException {
        Catalog.Builder builder = Catalog.builder().version(Catalog.REFERENCE_VERSION);
        Map<String, CoinPack.Builder> packs = new LinkedHashMap<>();
        for (String[] row : legacyRows(REFERENCE.resolve("coin-packs.csv"))) {
            CoinPack.Builder pack = packs.computeIfAbsent(row[0], id -> CoinPack.builder(id, Long.parseLong(row[1])));
            pack.price(Region.of(row[2]), Channel.valueOf(row[3]), Money.of(row[4], row[5]));
        }
        packs.values().forEach(p -> builder.pack(p.build()));
        for (String[] row : legacyRows(REFERENCE.resolve("gifts.csv"))) {
            builder.gift(row[0], row[1], Long.parseLong(row[2]));
        }
        return builder.build();
    }

    private static List<String[]> legacyRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void referenceCatalogIsIdenticalToWhatTheFormerParserBuilt() throws IOException {
        Catalog legacy = legacyReference();
        assertEquals(legacy, Catalog.reference());
        assertEquals(List.copyOf(legacy.packs()), List.copyOf(Catalog.reference().packs()));
        assertEquals(List.copyOf(legacy.gifts()), List.copyOf(Catalog.reference().gifts()));
    }

    private static Path variant(Path dir, Path source, boolean bom, String lineEnd) throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8).replace("\n", lineEnd);
        Path out = dir.resolve(source.getFileName());
        Files.writeString(out, (bom ? "\ufeff" : "") + text, StandardCharsets.UTF_8);
        return out;
    }

    @Test
    void bomAndCrlfAndCrVariantsLoad(@TempDir Path tmp) throws IOException {
        for (String lineEnd : List.of("\r\n", "\r", "\n")) {
            for (boolean bom : List.of(true, false)) {
                Path dir = Files.createDirectories(tmp.resolve((bom ? "bom" : "plain") + lineEnd.length() + lineEnd.charAt(0)));
                Catalog loaded = loadReference(variant(dir, REFERENCE.resolve("coin-packs.csv"), bom, lineEnd),
                        variant(dir, REFERENCE.resolve("gifts.csv"), bom, lineEnd));
                assertEquals(Catalog.reference(), loaded, () -> "bom " + bom + ", line end " + lineEnd.length());
            }
        }
    }

    @Test
    void readersLoadToo() throws IOException {
        String packs = "\ufeff" + Files.readString(REFERENCE.resolve("coin-packs.csv")).replace("\n", "\r\n");
        String gifts = Files.readString(REFERENCE.resolve("gifts.csv"));
        Catalog c = CatalogFiles.read("coin-packs.csv", new StringReader(packs), "gifts.csv", new StringReader(gifts),
                "v7", Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(Catalog.reference().withVersion("v7").withEffectiveFrom(Instant.parse("2027-01-01T00:00:00Z")), c);
    }

    @Test
    void quotedCellsCommentsAndBlankLines() {
        String gifts = "# gifts\n"
                + "gift_id,name,coins,source\n"
                + "\n"
                + "\"rose\",Rose,1,T\n"
                + "# a comment between rows\n"
                + "hearts,\"Hearts, Big\",2,\"say \"\"hi\"\"\"\n";
        List<Gift> loaded = CatalogFiles.readGifts("g.csv", new StringReader(gifts));
        assertEquals(List.of(Gift.of("rose", "Rose", 1), Gift.of("hearts", "Hearts, Big", 2)), loaded);
        assertEquals(List.of(), CatalogFiles.readGifts("h.csv", new StringReader("gift_id,name,coins,source\n")));
        assertEquals(List.of(), CatalogFiles.readPacks("p.csv", new StringReader("# none\n" + CatalogFiles.PACKS_HEADER)));
    }

    @Test
    void packsGroupRowsAndKeepFirstRowOrder() {
        String packs = CatalogFiles.PACKS_HEADER + "\n"
                + "coins-330,330,US,APP,USD,4.99,s\n"
                + "coins-65,65,US,APP,USD,0.99,s\n"
                + "coins-330,330,GB,APP,GBP,4.49,s\n"
                + "coins-330,330,US,WEB,USD,3.99,\n"
                + "coins-jp,100,JP,APP,JPY,160,s\n";
        List<CoinPack> loaded = CatalogFiles.readPacks("p.csv", new StringReader(packs));
        assertEquals(List.of(
                CoinPack.builder("coins-330", 330).price(Region.of("US"), Channel.APP, Money.of("USD", "4.99"))
                        .price(Region.of("GB"), Channel.APP, Money.of("GBP", "4.49"))
                        .price(Region.of("US"), Channel.WEB, Money.of("USD", "3.99")).build(),
                CoinPack.builder("coins-65", 65).price(Region.of("US"), Channel.APP, Money.of("USD", "0.99")).build(),
                CoinPack.builder("coins-jp", 100).price(Region.of("JP"), Channel.APP, Money.of("JPY", "160")).build()),
                loaded);
        assertEquals(Money.of("USD", "4.90"), CatalogFiles.readPacks("p.csv", new StringReader(
                CatalogFiles.PACKS_HEADER + "\ncoins-1,1,US,APP,USD,4.9,s")).get(0).price(Region.of("US"), Channel.APP)
                .orElseThrow());
    }

    @Test
    void availabilityColumns() {
        String gifts = "gift_id,name,coins,source,contexts,until,regions,from\n"
                + "snowman,Snowman,50,x,LIVE,2027-01-01T00:00:00Z,US GB,2026-12-01T00:00:00Z\n"
                + "rose,Rose,1,x,,,,\n"
                + "clip,Clip,2,x,VIDEO LIVE,,FR,\n";
        List<Gift> loaded = CatalogFiles.readGifts("g.csv", new StringReader(gifts));
        assertEquals(GiftAvailability.onlyIn(Region.of("US"), Region.of("GB"))
                .withWindow(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"))
                .withContexts(GiftContext.LIVE), loaded.get(0).availability());
        assertEquals(GiftAvailability.ALWAYS, loaded.get(1).availability());
        assertEquals(GiftAvailability.onlyIn(Region.of("FR")), loaded.get(2).availability());
    }

    @Test
    void nothingPartialWhenOneFileIsBad() {
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> CatalogFiles.load(
                REFERENCE.resolve("coin-packs.csv"), corpus("gifts-duplicate-id.csv"), "v2", Instant.EPOCH));
        assertEquals("gifts-duplicate-id.csv", e.fileName());
        e = assertThrows(CatalogFormatException.class, () -> CatalogFiles.read(
                "packs.csv", new StringReader(CatalogFiles.PACKS_HEADER + "\ncoins-1,1,US,APP,USD,1.00,s\n"),
                "gifts.csv", new StringReader("rose,Rose,1,T\n"), "v2", Instant.EPOCH));
        assertEquals("gifts.csv line 1: expected " + GIFTS_HEADER + ", found \"rose,Rose,1,T\"", e.getMessage());
    }

    @Test
    void unreadableFileIsAnIoErrorAndNullsAreNamed(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing.csv");
        UncheckedIOException io = assertThrows(UncheckedIOException.class, () -> CatalogFiles.loadPacks(missing));
        assertTrue(io.getMessage().contains("missing.csv"), io.getMessage());
        assertEquals("path", assertThrows(NullPointerException.class, () -> CatalogFiles.loadGifts(null)).getMessage());
        assertEquals("reader", assertThrows(NullPointerException.class,
                () -> CatalogFiles.readGifts("g.csv", null)).getMessage());
        assertEquals("fileName", assertThrows(NullPointerException.class,
                () -> CatalogFiles.readPacks(null, new StringReader(""))).getMessage());
        assertEquals("packsCsv", assertThrows(NullPointerException.class,
                () -> CatalogFiles.load(null, missing, "v", Instant.EPOCH)).getMessage());
    }
}
