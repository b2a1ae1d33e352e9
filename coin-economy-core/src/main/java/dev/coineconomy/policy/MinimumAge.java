package dev.coineconomy.policy;

import dev.coineconomy.Region;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A minimum age in whole years, with per-region overrides (e.g. 18, but 19 in {@code KR}). Immutable and
 * thread-safe.
 *
 * @param years    the minimum age where no override applies, 0 to 150
 * @param byRegion the overrides by region, each 0 to 150 (copied, unmodifiable)
 */
public record MinimumAge(int years, Map<Region, Integer> byRegion) {

    /** The largest minimum age accepted. */
    public static final int MAX_YEARS = 150;

    /**
     * Validates the minimum age.
     *
     * @param years    the minimum age where no override applies, 0 to 150
     * @param byRegion the overrides by region, each 0 to 150 (copied, unmodifiable)
     * @throws NullPointerException     if an argument, a region or an override is {@code null}
     * @throws IllegalArgumentException if an age is outside 0 to {@value #MAX_YEARS}
     */
    public MinimumAge {
        requireAge(years, "years");
        Objects.requireNonNull(byRegion, "byRegion");
        byRegion.forEach((region, age) -> {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(age, "age");
            requireAge(age, "age in " + region);
        });
        byRegion = Map.copyOf(byRegion);
    }

    /**
     * The same minimum age everywhere.
     *
     * @param years the minimum age, 0 to {@value #MAX_YEARS}
     * @return the minimum age with no overrides
     */
    public static MinimumAge of(int years) {
        return new MinimumAge(years, Map.of());
    }

    /**
     * Adds or replaces the override of one region.
     *
     * @param region the region
     * @param age    its minimum age, 0 to {@value #MAX_YEARS}
     * @return a minimum age with that override
     */
    public MinimumAge withRegion(Region region, int age) {
        Map<Region, Integer> copy = new HashMap<>(byRegion);
        copy.put(Objects.requireNonNull(region, "region"), age);
        return new MinimumAge(years, copy);
    }

    /**
     * Replaces the age where no override applies (the overrides stay).
     *
     * @param value the minimum age, 0 to {@value #MAX_YEARS}
     * @return a minimum age with that default
     */
    public MinimumAge withYears(int value) {
        return new MinimumAge(value, byRegion);
    }

    /**
     * The minimum age in a region.
     *
     * @param region the user's region
     * @return the region's override, or {@link #years()} if it has none
     */
    public int in(Region region) {
        Integer age = byRegion.get(Objects.requireNonNull(region, "region"));
        return age != null ? age : years;
    }

    private static void requireAge(int age, String name) {
        if (age < 0 || age > MAX_YEARS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "minimum %s must be 0 to %d years, got %d", name, MAX_YEARS, age));
        }
    }
}
