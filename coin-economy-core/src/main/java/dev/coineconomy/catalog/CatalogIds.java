package dev.coineconomy.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Validation of catalog item ids: lower-case letters, digits and inner hyphens. */
final class CatalogIds {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 64;

    private CatalogIds() {
    }

    static String requireValid(String id, String what) {
        Objects.requireNonNull(id, what);
        if (id.length() > MAX_LENGTH || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s '%s' must be 1 to %d lower-case letters, digits and inner hyphens (e.g. coins-330)",
                    what, id, MAX_LENGTH));
        }
        return id;
    }
}
