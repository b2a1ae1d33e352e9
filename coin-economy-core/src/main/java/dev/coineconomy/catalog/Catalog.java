package dev.coineconomy.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>A catalog takes effect at its {@link #effectiveFrom()} instant ({@link Instant#EPOCH} unless set);
 * a {@link CatalogSchedule} holds successive versions and says which one is in force at an instant.
 * Files in the format of the reference CSVs load with {@link CatalogFiles}.
 *
 * <p>Two catalogs are equal when their version, effective instant, packs and gifts (in order) are equal.
 * Instances are immutable and thread-safe.
 */
public final class Catalog {

    /** The version of {@link #reference()}. */
    public static final String REFERENCE_VERSION = "reference-2026-11-25";

    private final String version;
    private final Instant effectiveFrom;
    private final Map<String, CoinPack> packs;
    private final Map<String, Gift> gifts;

    private Catalog(String version, Instant effectiveFrom, Map<String, CoinPack> packs, Map<String, Gift> gifts) {
        this.version = version;
        this.effectiveFrom = effectiveFrom;
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

    /** @return the instant from which this catalog prices commands ({@link Instant#EPOCH} unless set) */
    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    /**
     * A copy under another version label (e.g. to schedule the same content again).
     *
     * @param value a non-blank version label, at most 64 characters
     * @return a catalog with that version, otherwise equal to this one
     */
    public Catalog withVersion(String value) {
        return new Catalog(Builder.checkVersion(value), effectiveFrom, packs, gifts);
    }

    /**
     * A copy that takes effect at another instant.
     *
     * @param value the instant from which the copy prices commands
     * @return a catalog with that effective instant, otherwise equal to this one
     */
    public Catalog withEffectiveFrom(Instant value) {
        return new Catalog(version, Objects.requireNonNull(value, "effectiveFrom"), packs, gifts);
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

    /**
     * Content equality: version, effective instant, packs and gifts (each in order).
     *
     * @param o the other object
     * @return whether {@code o} is a catalog with the same content
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Catalog other)) {
            return false;
        }
        return version.equals(other.version) && effectiveFrom.equals(other.effectiveFrom)
                && List.copyOf(packs.values()).equals(List.copyOf(other.packs.values()))
                && List.copyOf(gifts.values()).equals(List.copyOf(other.gifts.values()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, effectiveFrom, List.copyOf(packs.values()), List.copyOf(gifts.values()));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Catalog[%s: %d packs, %d gifts]", version, packs.size(), gifts.size());
    }

    /** Collects packs and gifts; validates as they are added. Not thread-safe. */
    public static final class Builder {
        private String version = "1";
        private Instant effectiveFrom = Instant.EPOCH;
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
            this.version = checkVersion(version);
            return this;
        }

        static String checkVersion(String version) {
            Objects.requireNonNull(version, "version");
            if (version.isBlank() || version.length() > 64) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "catalog version must have 1 to 64 non-blank characters, got '%s'", version));
            }
            return version;
        }

        /**
         * Sets the instant from which the catalog prices commands (default {@link Instant#EPOCH}).
         *
         * @param effectiveFrom the instant
         * @return this builder
         */
        public Builder effectiveFrom(Instant effectiveFrom) {
            this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effectiveFrom");
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
            return new Catalog(version, effectiveFrom, packs, gifts);
        }
    }
}
