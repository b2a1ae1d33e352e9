package dev.coineconomy.catalog;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.money.Money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@link Catalog#reference()} from the CSV files bundled in core's resources. */
final class ReferenceCatalog {

    static final Catalog INSTANCE = load();

    private ReferenceCatalog() {
    }

    private static Catalog load() {
        Catalog.Builder builder = Catalog.builder().version(Catalog.REFERENCE_VERSION);
        Map<String, CoinPack.Builder> packs = new LinkedHashMap<>();
        for (String[] row : rows("coin-packs.csv", 7)) {
            // pack_id,coins,region,channel,currency,price,source
            CoinPack.Builder pack = packs.computeIfAbsent(row[0], id -> CoinPack.builder(id, Long.parseLong(row[1])));
            pack.price(Region.of(row[2]), Channel.valueOf(row[3]), Money.of(row[4], row[5]));
        }
        packs.values().forEach(p -> builder.pack(p.build()));
        for (String[] row : rows("gifts.csv", 4)) {
            // gift_id,name,coins,source
            builder.gift(row[0], row[1], Long.parseLong(row[2]));
        }
        return builder.build();
    }

    private static List<String[]> rows(String file, int columns) {
        String path = "/dev/coineconomy/reference/" + file;
        try (InputStream in = ReferenceCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled reference file missing: " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            int lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "%s line %d: expected %d columns, found %d", file, lineNo, columns, cells.length));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
