package dev.coineconomy.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Successive catalog versions, ordered by their {@link Catalog#effectiveFrom() effective instant}: the
 * catalog in force at an instant is the latest one whose effective instant is at or before it.
 * Earlier versions stay queryable by {@link #version(String) version}.
 *
 * <p>Rules, checked by every factory and by {@link #with(Catalog)}:
 * <ul>
 *   <li>versions are unique: a second catalog with a version already in the schedule is an
 *       {@link IllegalArgumentException} naming both;</li>
 *   <li>effective instants strictly increase in the order given: a catalog whose effective instant is
 *       equal to or earlier than that of the catalog before it is an {@link IllegalArgumentException}
 *       naming both. A schedule only grows at its end, so publishing never rewrites which catalog was in
 *       force at a past instant.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: {@link #with(Catalog)} returns a new schedule. Lookups by instant take
 * O(log n), by version O(1).
 */
public final class CatalogSchedule {

    private final Catalog[] catalogs;
    private final Instant[] instants;
    private final Map<String, Catalog> byVersion;

    private CatalogSchedule(Catalog[] catalogs) {
        this.catalogs = catalogs;
        this.instants = new Instant[catalogs.length];
        Map<String, Catalog> map = new HashMap<>();
        for (int i = 0; i < catalogs.length; i++) {
            instants[i] = catalogs[i].effectiveFrom();
            map.put(catalogs[i].version(), catalogs[i]);
        }
        this.byVersion = map;
    }

    /**
     * A schedule of one catalog.
     *
     * @param first the catalog
     * @return the schedule
     */
    public static CatalogSchedule of(Catalog first) {
        Objects.requireNonNull(first, "catalog");
        return new CatalogSchedule(new Catalog[] {first});
    }

    /**
     * A schedule of catalogs given in order of their effective instants.
     *
     * @param catalogs at least one catalog, versions unique, effective instants strictly increasing
     * @return the schedule
     * @throws IllegalArgumentException if the list is empty, a version repeats or an effective instant
     *                                  does not increase
     */
    public static CatalogSchedule of(List<Catalog> catalogs) {
        Objects.requireNonNull(catalogs, "catalogs");
        if (catalogs.isEmpty()) {
            throw new IllegalArgumentException("a catalog schedule needs at least one catalog");
        }
        CatalogSchedule schedule = of(Objects.requireNonNull(catalogs.get(0), "catalog"));
        for (Catalog c : catalogs.subList(1, catalogs.size())) {
            schedule = schedule.with(c);
        }
        return schedule;
    }

    /**
     * A schedule with one more catalog at its end.
     *
     * @param next the catalog to add; its version new to this schedule, its effective instant after
     *             that of {@link #latest()}
     * @return a new schedule; this one is unchanged
     * @throws IllegalArgumentException if the version is already scheduled, or the effective instant
     *                                  is not after the latest one's
     */
    public CatalogSchedule with(Catalog next) {
        Objects.requireNonNull(next, "catalog");
        Catalog same = byVersion.get(next.version());
        if (same != null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "catalog version '%s' (effective %s) is already scheduled (effective %s); versions must be unique",
                    next.version(), next.effectiveFrom(), same.effectiveFrom()));
        }
        Catalog last = latest();
        if (!next.effectiveFrom().isAfter(last.effectiveFrom())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "catalog '%s' takes effect at %s, not after catalog '%s' at %s; effective instants must strictly increase",
                    next.version(), next.effectiveFrom(), last.version(), last.effectiveFrom()));
        }
        Catalog[] grown = Arrays.copyOf(catalogs, catalogs.length + 1);
        grown[catalogs.length] = next;
        return new CatalogSchedule(grown);
    }

    /**
     * The catalog in force at an instant, if any.
     *
     * @param at the instant
     * @return the catalog with the latest effective instant at or before {@code at}, or empty if
     *         {@code at} is before the first one's
     */
    public Optional<Catalog> findInForceAt(Instant at) {
        Objects.requireNonNull(at, "at");
        int lo = 0;
        int hi = instants.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (instants[mid].compareTo(at) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(catalogs[found]);
    }

    /**
     * The catalog in force at an instant.
     *
     * @param at the instant
     * @return the catalog with the latest effective instant at or before {@code at}
     * @throws NoSuchElementException if {@code at} is before the first catalog's effective instant
     */
    public Catalog inForceAt(Instant at) {
        return findInForceAt(at).orElseThrow(() -> new NoSuchElementException(String.format(Locale.ROOT,
                "no catalog is in force at %s: the first, '%s', takes effect at %s",
                at, catalogs[0].version(), catalogs[0].effectiveFrom())));
    }

    /**
     * A catalog by version, whether in force, past or future.
     *
     * @param version the version label
     * @return the catalog, or empty if no catalog of this schedule has that version
     */
    public Optional<Catalog> version(String version) {
        return Optional.ofNullable(byVersion.get(Objects.requireNonNull(version, "version")));
    }

    /** @return every catalog, in order of effective instant (an unmodifiable list) */
    public List<Catalog> versions() {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(catalogs)));
    }

    /** @return the catalog with the latest effective instant */
    public Catalog latest() {
        return catalogs[catalogs.length - 1];
    }

    /** @return the number of catalogs */
    public int size() {
        return catalogs.length;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("CatalogSchedule[");
        for (int i = 0; i < catalogs.length; i++) {
            b.append(i == 0 ? "" : ", ").append(catalogs[i].version()).append(" from ").append(instants[i]);
        }
        return b.append(']').toString();
    }
}
