package dev.coineconomy.internal;

import dev.coineconomy.RequestId;
import dev.coineconomy.finance.Lot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * First-in first-out consumption of coin lots with exact revenue recognition. Pure: no clock, no I/O,
 * no state beyond the arguments.
 *
 * <p>Taking {@code t} coins from a lot with {@code u} coins already used recognizes
 * {@code floor(net × (u + t) / coins) − floor(net × u / coins)} minor units of its net: these telescope,
 * so a lot fully spent has recognized exactly its net whatever the order and size of the spends.
 * Promotional lots recognize nothing; their coins are counted as {@link Consumption#promotionalCoins()}.
 */
public final class Lots {

    private Lots() {
    }

    /**
     * What one lot gave to a consumption.
     *
     * @param lot        the lot after the consumption
     * @param coinsTaken the coins taken from it, positive
     * @param recognized the revenue recognized from it in minor units of its currency (0 for promotional)
     */
    public record Take(Lot lot, long coinsTaken, long recognized) {

        /** @return the lot's id */
        public RequestId lotId() {
            return lot.id();
        }
    }

    /**
     * The result of consuming coins from a user's lots.
     *
     * @param lots  every lot passed in, in the same order, the touched ones updated (exhausted lots stay,
     *              with 0 remaining, so that refunds and chargebacks can still find them)
     * @param takes the lots touched, oldest first
     */
    public record Consumption(List<Lot> lots, List<Take> takes) {

        /** Copies the lists. */
        public Consumption {
            lots = List.copyOf(lots);
            takes = List.copyOf(takes);
        }

        /** @return the coins taken in total */
        public long coins() {
            long sum = 0;
            for (Take t : takes) {
                sum += t.coinsTaken();
            }
            return sum;
        }

        /** @return the coins taken from promotional lots */
        public long promotionalCoins() {
            long sum = 0;
            for (Take t : takes) {
                if (t.lot().isPromotional()) {
                    sum += t.coinsTaken();
                }
            }
            return sum;
        }

        /** @return the revenue recognized per currency, in minor units (currencies with 0 included if touched) */
        public Map<Currency, Long> recognizedByCurrency() {
            Map<Currency, Long> out = new LinkedHashMap<>();
            for (Take t : takes) {
                t.lot().currency().ifPresent(c -> out.merge(c, t.recognized(), Math::addExact));
            }
            return Collections.unmodifiableMap(out);
        }
    }

    /**
     * Takes {@code coins} coins from the lots, oldest first.
     *
     * @param lotsOldestFirst a user's lots in purchase order (exhausted lots are skipped)
     * @param coins           the coins to take, not negative
     * @return the updated lots and what each touched lot gave
     * @throws IllegalArgumentException if {@code coins} is negative or exceeds the coins remaining in the lots
     */
    public static Consumption consume(List<Lot> lotsOldestFirst, long coins) {
        Objects.requireNonNull(lotsOldestFirst, "lotsOldestFirst");
        if (coins < 0) {
            throw new IllegalArgumentException("coins must not be negative: " + coins);
        }
        List<Lot> out = new ArrayList<>(lotsOldestFirst.size());
        List<Take> takes = new ArrayList<>();
        long left = coins;
        for (Lot lot : lotsOldestFirst) {
            Objects.requireNonNull(lot, "lot");
            if (left == 0 || lot.isExhausted()) {
                out.add(lot);
                continue;
            }
            long take = Math.min(left, lot.coinsRemaining());
            Lot after = lot.take(take);
            long recognized = after.netRecognized() - lot.netRecognized();
            takes.add(new Take(after, take, recognized));
            out.add(after);
            left -= take;
        }
        if (left > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the lots hold %d coins, cannot take %d", coins - left, coins));
        }
        return new Consumption(out, takes);
    }

    /**
     * The coins remaining in the lots.
     *
     * @param lots the lots
     * @return the sum of their remaining coins
     */
    public static long remaining(List<Lot> lots) {
        long sum = 0;
        for (Lot l : lots) {
            sum = Math.addExact(sum, l.coinsRemaining());
        }
        return sum;
    }

    /**
     * The deferred revenue of the lots per currency: the sum of their {@link Lot#netRemaining()}.
     *
     * @param lots the lots
     * @return minor units per currency (promotional lots contribute nothing)
     */
    public static Map<Currency, Long> deferred(List<Lot> lots) {
        Map<Currency, Long> out = new LinkedHashMap<>();
        for (Lot l : lots) {
            l.currency().ifPresent(c -> out.merge(c, l.netRemaining(), Math::addExact));
        }
        return Collections.unmodifiableMap(out);
    }
}
