package dev.coineconomy.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, versioned snapshot of what is on sale: coin packs and gifts, each id unique.
 *
 * <p>Host applications build their own with {@link #builder()}; {@link #reference()} is the catalog
 * of the public TikTok figures (coin packs of {@code coin-packs.csv}, gifts of {@code gifts.csv}).
 * Every receipt and journal entry names the catalog version that priced it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Catalog {

    /** The version of {@link #reference()}. */
    public static final String REFERENCE_VERSION = "reference-2026-11-25";

    private final String version;
    private final Map<String, CoinPack> packs;
    private final Map<String, Gift> gifts;

    private Catalog(String version, Map<String, CoinPack> packs, Map<String, Gift> gifts) {
        this.version = version;
        this.packs = Collections.unmodifiableMap(new LinkedHashMap<>(packs));
        this.gifts = Collections.unmodifiableMap(new LinkedHashMap<>(gifts));
    }

    /**
     * The reference catalog, built from the bundled copies of {@code coin-packs.csv} and
     * {@code gifts.csv}: six US app packs from USD 0.99 to USD 139.99, two GB app packs, one US web
     * pack, and 36 gifts from Rose (1 coin) to TikTok Universe (44,999 coins).
     *
     * @return the reference catalog, version {@value #REFERENCE_VERSION}
     */
    public static Catalog reference() {
        return ReferenceCatalog.INSTANCE;
    }

    /**
     * Starts a catalog.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the version that receipts and entries name */
    public String version() {
        return version;
    }

    /**
     * A coin pack by id.
     *
     * @param packId the id
     * @return the pack, or empty if there is none with that id
     */
    public Optional<CoinPack> pack(String packId) {
        return Optional.ofNullable(packs.get(Objects.requireNonNull(packId, "packId")));
    }

    /**
     * A gift by id.
     *
     * @param giftId the id
     * @return the gift, or empty if there is none with that id
     */
    public Optional<Gift> gift(String giftId) {
        return Optional.ofNullable(gifts.get(Objects.requireNonNull(giftId, "giftId")));
    }

    /** @return every pack, in the order they were added */
    public Collection<CoinPack> packs() {
        return packs.values();
    }

    /** @return every gift, in the order they were added */
    public Collection<Gift> gifts() {
        return gifts.values();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Catalog[%s: %d packs, %d gifts]", version, packs.size(), gifts.size());
    }

    /** Collects packs and gifts; validates as they are added. Not thread-safe. */
    public static final class Builder {
        private String version = "1";
        private final Map<String, CoinPack> packs = new LinkedHashMap<>();
        private final Map<String, Gift> gifts = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the version (default {@code "1"}).
         *
         * @param version a non-blank version label, at most 64 characters
         * @return this builder
         */
        public Builder version(String version) {
            Objects.requireNonNull(version, "version");
            if (version.isBlank() || version.length() > 64) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "catalog version must have 1 to 64 non-blank characters, got '%s'", version));
            }
            this.version = version;
            return this;
        }

        /**
         * Adds a pack.
         *
         * @param pack the pack
         * @return this builder
         * @throws IllegalArgumentException if a pack with the same id was added
         */
        public Builder pack(CoinPack pack) {
            Objects.requireNonNull(pack, "pack");
            if (packs.putIfAbsent(pack.id(), pack) != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "duplicate pack id '%s'", pack.id()));
            }
            return this;
        }

        /**
         * Adds a gift.
         *
         * @param gift the gift
         * @return this builder
         * @throws IllegalArgumentException if a gift with the same id was added
         */
        public Builder gift(Gift gift) {
            Objects.requireNonNull(gift, "gift");
            if (gifts.putIfAbsent(gift.id(), gift) != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "duplicate gift id '%s'", gift.id()));
            }
            return this;
        }

        /**
         * Adds a gift.
         *
         * @param id    the id
         * @param name  the display name
         * @param coins the coin price
         * @return this builder
         */
        public Builder gift(String id, String name, long coins) {
            return gift(Gift.of(id, name, coins));
        }

        /**
         * Builds the catalog.
         *
         * @return the immutable catalog
         */
        public Catalog build() {
            return new Catalog(version, packs, gifts);
        }
    }
}
