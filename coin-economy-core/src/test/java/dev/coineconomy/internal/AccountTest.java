package dev.coineconomy.internal;

import dev.coineconomy.UserId;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.ConversionPolicy;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gift credits: whole ratios credit coins × n directly; fractional ratios carry the remainder exactly. */
class AccountTest {

    /** What the facade does: reserve, (append the entry,) then credit. */
    private static long credit(Account a, ConversionPolicy policy, long coins) {
        long d = a.reserveGift(policy, coins);
        a.creditDiamonds(d);
        return d;
    }

    @Test
    void reservingAGiftDoesNotCreditItsDiamondsUntilTheyAreCredited() {
        Account a = new Account(UserId.of("creator"), 0);
        ConversionPolicy policy = new ConversionPolicy(Ratio.of(2, 3));
        long d = a.reserveGift(policy, 9);
        assertEquals(6, d);
        assertEquals(9, a.coinsReceived(), "the running total advanced at reservation");
        assertEquals(0, a.diamonds(), "nothing spendable before the entry is journalled");
        a.creditDiamonds(d);
        assertEquals(6, a.diamonds());
    }

    @Test
    void wholeRatiosCreditCoinsTimesNumeratorWithoutARunningTotal() {
        for (long n : new long[] {0, 1, 3}) {
            Account a = new Account(UserId.of("creator"), 0);
            ConversionPolicy policy = new ConversionPolicy(Ratio.of(n, 1));
            long total = 0;
            for (long c = 1; c <= 50; c++) {
                assertEquals(c * n, credit(a, policy, c));
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
            credited += credit(a, policy, c);
            total += c;
            assertEquals(total * 7 / 10, credited, "floor(C x 7/10) after " + total + " coins");
        }
        assertEquals(total, a.coinsReceived());
        assertEquals(credited, a.diamonds());
    }

    @Test
    void stripedWholeRatioCreditsNeverLetAWithdrawalOverdrawOrAReadGoNegative() throws InterruptedException {
        Account a = new Account(UserId.of("creator"), 0);
        ConversionPolicy whole = new ConversionPolicy(Ratio.of(1, 1));
        int perThread = 200_000;
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong debited = new AtomicLong();
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        Runnable gifts = () -> {
            for (int i = 0; i < perThread; i++) {
                credit(a, whole, 1);
            }
        };
        Thread g1 = new Thread(gifts);
        Thread g2 = new Thread(gifts);
        Thread withdrawer = new Thread(() -> {
            while (!done.get()) {
                synchronized (a) {
                    long held = a.diamonds();
                    if (held >= 7) {
                        a.debitDiamonds(7); // throws if the balance would go negative
                        debited.addAndGet(7);
                    }
                }
            }
        });
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                lowest.accumulateAndGet(a.diamonds(), Math::min);
            }
        });
        withdrawer.start();
        reader.start();
        g1.start();
        g2.start();
        g1.join();
        g2.join();
        done.set(true);
        withdrawer.join();
        reader.join();
        assertTrue(lowest.get() >= 0, "a wallet read saw " + lowest.get());
        assertTrue(debited.get() > 0, "the withdrawer ran");
        assertEquals(2L * perThread - debited.get(), a.diamonds());
    }
}
