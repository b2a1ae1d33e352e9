package dev.coineconomy.money;

/**
 * A non-negative whole number of coins, the virtual currency viewers buy in packs and spend on gifts.
 *
 * <p>Arithmetic is exact: a sum that would overflow {@code long} throws {@link ArithmeticException}
 * and a difference that would go negative throws {@link IllegalArgumentException}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param amount the number of coins, never negative
 */
public record Coins(long amount) implements Comparable<Coins> {

    private static final Coins ZERO = new Coins(0);

    /** Shared instances of small amounts (a journal keeps one per entry): 0 to 1023. */
    private static final Coins[] SMALL = new Coins[1024];

    static {
        SMALL[0] = ZERO;
        for (int i = 1; i < SMALL.length; i++) {
            SMALL[i] = new Coins(i);
        }
    }

    /**
     * Validates the amount.
     *
     * @param amount the number of coins, never negative
     * @throws IllegalArgumentException if the amount is negative
     */
    public Coins {
        Quantities.requireNonNegative(amount, "coins");
    }

    /**
     * The given number of coins.
     *
     * @param amount a non-negative count
     * @return the value
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public static Coins of(long amount) {
        return amount >= 0 && amount < SMALL.length ? SMALL[(int) amount] : new Coins(amount);
    }

    /** @return zero coins */
    public static Coins zero() {
        return ZERO;
    }

    /**
     * Adds exactly.
     *
     * @param other the amount to add
     * @return the sum
     * @throws ArithmeticException if the sum overflows {@code long}
     */
    public Coins plus(Coins other) {
        return of(Quantities.add(amount, other.amount, "coins"));
    }

    /**
     * Subtracts exactly.
     *
     * @param other the amount to subtract
     * @return the difference
     * @throws IllegalArgumentException if the difference would be negative
     */
    public Coins minus(Coins other) {
        return of(Quantities.subtract(amount, other.amount, "coins"));
    }

    /**
     * Multiplies by a non-negative factor, exactly.
     *
     * @param factor a non-negative factor
     * @return the product
     * @throws IllegalArgumentException if the factor is negative
     * @throws ArithmeticException      if the product overflows {@code long}
     */
    public Coins times(long factor) {
        return of(Quantities.multiply(amount, factor, "coins"));
    }

    /** @return whether this is zero */
    public boolean isZero() {
        return amount == 0;
    }

    /**
     * Whether this is less than another amount.
     *
     * @param other the amount to compare with
     * @return {@code this < other}
     */
    public boolean isLessThan(Coins other) {
        return amount < other.amount;
    }

    @Override
    public int compareTo(Coins other) {
        return Long.compare(amount, other.amount);
    }

    /** @return the amount followed by the unit, e.g. {@code "300 coins"} */
    @Override
    public String toString() {
        return amount + " coins";
    }
}
