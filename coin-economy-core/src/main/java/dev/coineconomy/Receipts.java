package dev.coineconomy;

import java.util.Locale;
import java.util.Objects;

/** Shared checks of the receipt records' compact constructors. */
final class Receipts {

    private Receipts() {
    }

    static void requireCommon(RequestId requestId, long sequence, Object instant,
                              String catalogVersion, String policyVersion) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(catalogVersion, "catalogVersion");
        Objects.requireNonNull(policyVersion, "policyVersion");
        if (sequence < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sequence must be at least 1, got %d", sequence));
        }
    }
}
