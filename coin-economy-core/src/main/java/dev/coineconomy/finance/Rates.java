package dev.coineconomy.finance;

import dev.coineconomy.money.Ratio;

import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by the finance policies. */
final class Rates {

    private Rates() {
    }

    /** @return the rate, checked to be at most 1 (a share of a price) */
    static Ratio requireShare(Ratio rate, String name) {
        Objects.requireNonNull(rate, name);
        if (rate.compareTo(Ratio.ONE) > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be at most 1 (100%%), got %s", name, rate));
        }
        return rate;
    }
}
