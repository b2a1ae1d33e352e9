package dev.coineconomy;

import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Unit;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal's order respects what each command could see: replaying it in sequence order never takes
 * a user's coins below zero. Before the fix, a purchase credited the wallet before appending its entry,
 * so a gift on another thread could spend the new coins and be journalled first (a gift at sequence n
 * funded by a purchase at n + 1). The window is a few instructions wide, so this race test catches the
 * old order only sometimes (most often while the code is still interpreted); with the new order it
 * cannot fail: every credit a debit can see belongs to an entry whose slot was reserved earlier.
 */
class JournalCausalOrderTest {

    private static final Region US = Region.of("US");

    @Test
    void aGiftIsNeverJournalledBeforeThePurchaseThatFundedIt() throws Exception {
        CoinEconomy economy = CoinEconomy.builder().clock(new MutableClock("2026-11-25T12:00:00Z")).build();
        UserId viewer = UserId.of("viewer");
        UserId creator = UserId.of("creator");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + 2_000_000_000L;
        Thread buyer = new Thread(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    economy.purchase(RequestId.of("p-" + i), viewer, "coins-65", US);
                    if ((i & 255) == 0 && System.nanoTime() > deadline) {
                        stop.set(true);
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
                stop.set(true);
            }
        });
        // spends the coins the moment the wallet shows them
        Thread gifter = new Thread(() -> {
            try {
                for (int j = 0; !stop.get(); ) {
                    if (economy.wallet(viewer).coins().amount() >= 65) {
                        economy.sendGift(RequestId.of("g-" + j++), viewer, creator, "rose", 65);
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
                stop.set(true);
            }
        });
        // more runnable threads than cores, so that the buyer is sometimes preempted mid-command
        Thread[] spinners = new Thread[2];
        for (int k = 0; k < spinners.length; k++) {
            spinners[k] = new Thread(() -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            });
            spinners[k].start();
        }
        buyer.start();
        gifter.start();
        buyer.join();
        gifter.join();
        for (Thread s : spinners) {
            s.join();
        }
        assertNull(failure.get(), "no command failed");

        AccountRef coins = AccountRef.user(AccountType.USER_COINS, viewer);
        long n = economy.journalSize();
        long balance = 0;
        long gifts = 0;
        String violation = null;
        for (long s = 1; s <= n && violation == null; s += 10_000) {
            for (JournalEntry e : economy.journal(s, 10_000)) {
                balance += e.amount(coins, Unit.COINS);
                if (e.receipt() instanceof GiftReceipt) {
                    gifts++;
                }
                if (balance < 0 && violation == null) {
                    violation = "entry " + e.sequence() + " (" + e.requestId() + ") takes the viewer's coins to "
                            + balance + " in journal order";
                }
            }
        }
        assertTrue(gifts > 0, "the gifter spent some coins");
        assertNull(violation);
        assertTrue(balance == economy.wallet(viewer).coins().amount(), "replay ends at the wallet");
    }
}
