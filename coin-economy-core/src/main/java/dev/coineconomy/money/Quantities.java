package dev.coineconomy.money;

import java.util.Locale;

/** Shared argument checks for the whole-number units {@link Coins} and {@link Diamonds}. */
final class Quantities {

    private Quantities() {
    }

    static long requireNonNegative(long amount, String unit) {
        if (amount < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s amount must not be negative: %d", unit, amount));
        }
        return amount;
    }

    static long add(long a, long b, String unit) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new ArithmeticException(String.format(Locale.ROOT,
                    "%s overflow: %d + %d exceeds %d", unit, a, b, Long.MAX_VALUE));
        }
    }

    static long subtract(long a, long b, String unit) {
        if (b > a) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s would go negative: %d - %d", unit, a, b));
        }
        return a - b;
    }

    static long multiply(long a, long factor, String unit) {
        requireNonNegative(factor, unit + " factor");
        try {
            return Math.multiplyExact(a, factor);
        } catch (ArithmeticException e) {
            throw new ArithmeticException(String.format(Locale.ROOT,
                    "%s overflow: %d x %d exceeds %d", unit, a, factor, Long.MAX_VALUE));
        }
    }
}
