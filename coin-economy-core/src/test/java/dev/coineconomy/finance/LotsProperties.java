package dev.coineconomy.finance;

import dev.coineconomy.RequestId;
import dev.coineconomy.internal.Lots;
import dev.coineconomy.money.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Exact carry per lot: whatever the sizes and order of the spends, after {@code u} of a lot's coins are
 * used it has recognized exactly {@code floor(net × u / coins)}, a lot fully spent exactly its net, and
 * recognized + deferred is always the total net.
 */
class LotsProperties {

    @Test
    void recognitionTelescopesWhateverTheSpends() {
        qt().withFixedSeed(0x1075L).withExamples(800).forAll(
                longs().all(), integers().between(1, 8), integers().between(1, 40))
                .checkAssert((seed, lotCount, spendCount) -> {
                    Random rnd = new Random(seed);
                    List<Lot> lots = new ArrayList<>();
                    long totalNet = 0;
                    long totalCoins = 0;
                    for (int i = 0; i < lotCount; i++) {
                        long coins = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextInt(1_000_000));
                        RequestId id = RequestId.of("l" + i);
                        if (rnd.nextInt(4) == 0) {
                            lots.add(Lot.promotional(id, coins));
                        } else {
                            long net = rnd.nextInt(3) == 0 ? rnd.nextInt(5) : (long) rnd.nextInt(100_000_000);
                            lots.add(Lot.purchased(id, coins, SaleSplit.ofMinor(Money.currency("USD"), net, 0, 0)));
                            totalNet += net;
                        }
                        totalCoins += coins;
                    }
                    long recognized = 0;
                    long promoCoins = 0;
                    long spent = 0;
                    for (int s = 0; s < spendCount && spent < totalCoins; s++) {
                        long left = totalCoins - spent;
                        long take = s == spendCount - 1 ? left : 1 + Math.floorMod(rnd.nextLong(), Math.min(left, 1 + rnd.nextInt(3) * 400_000L));
                        Lots.Consumption c = Lots.consume(lots, take);
                        assertEquals(take, c.coins());
                        for (Lots.Take t : c.takes()) {
                            assertTrue(t.recognized() >= 0);
                        }
                        recognized += c.recognizedByCurrency().values().stream().mapToLong(Long::longValue).sum();
                        promoCoins += c.promotionalCoins();
                        lots = c.lots();
                        spent += take;
                        long deferred = Lots.deferred(lots).values().stream().mapToLong(Long::longValue).sum();
                        assertEquals(totalNet, recognized + deferred);
                        assertEquals(totalCoins - spent, Lots.remaining(lots));
                        // FIFO: every lot before the first non-exhausted one is exhausted
                        boolean seenOpen = false;
                        for (Lot l : lots) {
                            if (seenOpen) {
                                assertEquals(l.coins(), l.coinsRemaining(), "a younger lot was touched before an older one");
                            }
                            if (!l.isExhausted()) {
                                seenOpen = true;
                            }
                            assertEquals(Math.floorDiv(java.math.BigInteger.valueOf(l.net())
                                    .multiply(java.math.BigInteger.valueOf(l.coinsUsed()))
                                    .divide(java.math.BigInteger.valueOf(l.coins())).longValueExact(), 1), l.netRecognized());
                        }
                    }
                    if (spent == totalCoins) {
                        assertEquals(totalNet, recognized);
                        long promoTotal = lots.stream().filter(Lot::isPromotional).mapToLong(Lot::coins).sum();
                        assertEquals(promoTotal, promoCoins);
                    }
                });
    }
}
