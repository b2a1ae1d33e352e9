package dev.coineconomy.money;

/**
 * A non-negative whole number of diamonds, the unit creators earn from gifts and cash out.
 *
 * <p>Arithmetic is exact: a sum that would overflow {@code long} throws {@link ArithmeticException}
 * and a difference that would go negative throws {@link IllegalArgumentException}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param amount the number of diamonds, never negative
 */
public record Diamonds(long amount) implements Comparable<Diamonds> {

    private static final Diamonds ZERO = new Diamonds(0);

    /** Shared instances of small amounts (a journal keeps one per entry): 0 to 1023. */
    private static final Diamonds[] SMALL = new Diamonds[1024];

    static {
        SMALL[0] = ZERO;
        for (int i = 1; i < SMALL.length; i++) {
            SMALL[i] = new Diamonds(i);
        }
    }

    /**
     * Validates the amount.
     *
     * @param amount the number of diamonds, never negative
     * @throws IllegalArgumentException if the amount is negative
     */
    public Diamonds {
        Quantities.requireNonNegative(amount, "diamonds");
    }

    /**
     * The given number of diamonds.
     *
     * @param amount a non-negative count
     * @return the value
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public static Diamonds of(long amount) {
        return amount >= 0 && amount < SMALL.length ? SMALL[(int) amount] : new Diamonds(amount);
    }

    /** @return zero diamonds */
    public static Diamonds zero() {
        return ZERO;
    }

    /**
     * Adds exactly.
     *
     * @param other the amount to add
     * @return the sum
     * @throws ArithmeticException if the sum overflows {@code long}
     */
    public Diamonds plus(Diamonds other) {
        return of(Quantities.add(amount, other.amount, "diamonds"));
    }

    /**
     * Subtracts exactly.
     *
     * @param other the amount to subtract
     * @return the difference
     * @throws IllegalArgumentException if the difference would be negative
     */
    public Diamonds minus(Diamonds other) {
        return of(Quantities.subtract(amount, other.amount, "diamonds"));
    }

    /**
     * Multiplies by a non-negative factor, exactly.
     *
     * @param factor a non-negative factor
     * @return the product
     * @throws IllegalArgumentException if the factor is negative
     * @throws ArithmeticException      if the product overflows {@code long}
     */
    public Diamonds times(long factor) {
        return of(Quantities.multiply(amount, factor, "diamonds"));
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
    public boolean isLessThan(Diamonds other) {
        return amount < other.amount;
    }

    @Override
    public int compareTo(Diamonds other) {
        return Long.compare(amount, other.amount);
    }

    /** @return the amount followed by the unit, e.g. {@code "300 diamonds"} */
    @Override
    public String toString() {
        return amount + " diamonds";
    }
}
