package dev.coineconomy;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A country or territory, by its ISO 3166-1 alpha-2 code, upper-cased.
 *
 * <p>{@code Region.of("us")} equals {@code Region.of("US")}. Codes that ISO 3166 does not assign
 * (as listed by {@link Locale#getISOCountries()}) are rejected. Immutable and thread-safe.
 *
 * @param code the upper-case alpha-2 code
 */
public record Region(String code) {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    /**
     * Upper-cases and validates the code.
     *
     * @param code the upper-case alpha-2 code
     * @throws NullPointerException     if {@code code} is {@code null}
     * @throws IllegalArgumentException if it is not an assigned ISO 3166-1 alpha-2 code in ASCII letters
     */
    public Region {
        Objects.requireNonNull(code, "region");
        // ASCII letters only: toUpperCase maps e.g. the dotless i (U+0131) to 'I' and the long s (U+017F) to 'S'
        boolean ascii = code.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
        String upper = code.toUpperCase(Locale.ROOT);
        if (!ascii || !CODES.contains(upper)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "region '%s' is not an ISO 3166-1 alpha-2 country code", code));
        }
        code = upper;
    }

    /**
     * The region with this code.
     *
     * @param code an ISO 3166-1 alpha-2 code, any case
     * @return the region
     */
    public static Region of(String code) {
        return new Region(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
