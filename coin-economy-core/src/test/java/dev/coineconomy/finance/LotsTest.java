package dev.coineconomy.finance;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.internal.Lots;
import dev.coineconomy.money.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FIFO consumption of coin lots and exact revenue recognition, by hand. */
class LotsTest {

    private static final Currency USD = Money.currency("USD");
    private static final Currency GBP = Money.currency("GBP");

    /** 70 coins for USD 0.99 in the app: net 69 cents. */
    static Lot usd70() {
        return Lot.purchased(RequestId.of("p-usd"), 70, SaleSplit.of(Money.parse("USD 0.99"), Channel.APP,
                Region.of("US"), StoreFeePolicy.REFERENCE, TaxPolicy.REFERENCE));
    }

    /** 70 coins for GBP 0.99 in the app: net 58 pence. */
    static Lot gbp70() {
        return Lot.purchased(RequestId.of("p-gbp"), 70, SaleSplit.of(Money.parse("GBP 0.99"), Channel.APP,
                Region.of("GB"), StoreFeePolicy.REFERENCE, TaxPolicy.REFERENCE));
    }

    @Test
    void spendingOneCoinAtATimeRecognizesExactlyTheNet() {
        List<Lot> lots = List.of(usd70());
        long total = 0;
        List<Long> perCoin = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            Lots.Consumption c = Lots.consume(lots, 1);
            lots = c.lots();
            perCoin.add(c.takes().get(0).recognized());
            total += c.recognizedByCurrency().get(USD);
            // after k coins, floor(69 k / 70) has been recognized
            assertEquals(69L * (i + 1) / 70, total);
        }
        assertEquals(69, total);
        assertEquals(0L, perCoin.get(0));   // floor(69/70) = 0: the first coin carries
        assertEquals(1L, perCoin.get(1));   // floor(138/70) = 1
        assertEquals(0L, lots.get(0).netRemaining());
        assertTrue(lots.get(0).isExhausted());
    }

    @Test
    void aGiftSpanningLotsTakesOldestFirstAndRecognizesPerCurrency() {
        Lot promo = Lot.promotional(RequestId.of("g-1"), 10);
        List<Lot> lots = List.of(usd70(), promo, gbp70());
        // 100 coins: all 70 USD (69 cents), all 10 promo (0), 20 of GBP: floor(58 x 20 / 70) = 16 pence
        Lots.Consumption c = Lots.consume(lots, 100);
        assertEquals(100, c.coins());
        assertEquals(10, c.promotionalCoins());
        assertEquals(Map.of(USD, 69L, GBP, 16L), c.recognizedByCurrency());
        assertEquals(3, c.takes().size());
        assertEquals(List.of(0L, 0L, 50L), c.lots().stream().map(Lot::coinsRemaining).toList());
        assertEquals(58 - 16, c.lots().get(2).netRemaining());
        assertEquals(Map.of(USD, 0L, GBP, 42L), Lots.deferred(c.lots()));
        // the rest: 50 coins recognize 58 - 16 = 42 pence
        Lots.Consumption rest = Lots.consume(c.lots(), 50);
        assertEquals(Map.of(GBP, 42L), rest.recognizedByCurrency());
        assertEquals(0, Lots.remaining(rest.lots()));
    }

    @Test
    void promotionalLotsAreWorthNothing() {
        Lot promo = Lot.promotional(RequestId.of("g-1"), 500);
        assertTrue(promo.isPromotional());
        assertTrue(promo.currency().isEmpty());
        Lots.Consumption c = Lots.consume(List.of(promo), 123);
        assertEquals(Map.of(), c.recognizedByCurrency());
        assertEquals(123, c.promotionalCoins());
        assertEquals(0, c.takes().get(0).recognized());
    }

    @Test
    void consumingZeroTouchesNothingAndTooManyIsAProgrammingError() {
        List<Lot> lots = List.of(usd70());
        Lots.Consumption none = Lots.consume(lots, 0);
        assertEquals(lots, none.lots());
        assertTrue(none.takes().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Lots.consume(lots, 71));
        assertThrows(IllegalArgumentException.class, () -> Lots.consume(lots, -1));
        assertThrows(IllegalArgumentException.class, () -> new Lot(RequestId.of("x"), 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new Lot(RequestId.of("x"), 5, 6, null));
        assertThrows(IllegalArgumentException.class, () -> usd70().take(71));
    }
}
