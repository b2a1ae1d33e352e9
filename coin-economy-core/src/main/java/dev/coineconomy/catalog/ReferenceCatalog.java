package dev.coineconomy.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds {@link Catalog#reference()} from the CSV files bundled in core's resources, with {@link CatalogFiles}. */
final class ReferenceCatalog {

    static final Catalog INSTANCE = load();

    private ReferenceCatalog() {
    }

    private static Catalog load() {
        Catalog.Builder builder = Catalog.builder().version(Catalog.REFERENCE_VERSION);
        CatalogFiles.packsFromBytes("coin-packs.csv", bytes("coin-packs.csv")).forEach(builder::pack);
        List<Gift> gifts = CatalogFiles.giftsFromBytes("gifts.csv", bytes("gifts.csv"));
        gifts.forEach(builder::gift);
        return builder.build();
    }

    private static byte[] bytes(String file) {
        String path = "/dev/coineconomy/reference/" + file;
        try (InputStream in = ReferenceCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled reference file missing: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
