package dev.coineconomy.internal;

import dev.coineconomy.UserId;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.ConversionPolicy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Gift credits: whole ratios credit coins × n directly; fractional ratios carry the remainder exactly. */
class AccountTest {

    @Test
    void wholeRatiosCreditCoinsTimesNumeratorWithoutARunningTotal() {
        for (long n : new long[] {0, 1, 3}) {
            Account a = new Account(UserId.of("creator"), 0);
            ConversionPolicy policy = new ConversionPolicy(Ratio.of(n, 1));
            long total = 0;
            for (long c = 1; c <= 50; c++) {
                assertEquals(c * n, a.creditGift(policy, c));
                total += c;
            }
            assertEquals(total * n, a.diamonds());
            assertEquals(0, a.coinsReceived(), "no running total for a whole ratio");
        }
    }

    @Test
    void fractionalRatiosCarryTheRemainderExactly() {
        Account a = new Account(UserId.of("creator"), 0);
        ConversionPolicy policy = new ConversionPolicy(Ratio.of(7, 10));
        long total = 0;
        long credited = 0;
        for (long c = 1; c <= 50; c++) {
            credited += a.creditGift(policy, c);
            total += c;
            assertEquals(total * 7 / 10, credited, "floor(C x 7/10) after " + total + " coins");
        }
        assertEquals(total, a.coinsReceived());
        assertEquals(credited, a.diamonds());
    }
}
