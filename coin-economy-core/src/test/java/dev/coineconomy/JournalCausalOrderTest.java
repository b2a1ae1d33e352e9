package dev.coineconomy;

import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.EconomyPolicy;
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
 * The same holds for diamonds: a gift credits its diamonds only after appending its entry, so a
 * withdrawal that spends them is always journalled after the gift.
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
        long deadline = System.nanoTime() + 1_000_000_000L;
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
        Thread[] spinners = spinners(stop);
        buyer.start();
        gifter.start();
        buyer.join();
        gifter.join();
        for (Thread s : spinners) {
            s.join();
        }
        assertNull(failure.get(), "no command failed");

        assertTrue(countGifts(economy) > 0, "the gifter spent some coins");
        assertNull(firstNegative(economy, AccountRef.user(AccountType.USER_COINS, viewer), Unit.COINS));
    }

    @Test
    void aWithdrawalIsNeverJournalledBeforeTheGiftThatEarnedItsDiamonds() throws Exception {
        EconomyPolicy policy = EconomyPolicy.reference()
                .withDiamondValue(DiamondValue.of(Money.of("USD", "0.01"), 1))
                .withMinimumWithdrawal(Money.of("USD", "0.01"))
                .withDailyWithdrawalLimit(Money.of("USD", "1000000000.00"));
        CoinEconomy economy = CoinEconomy.builder().policy(policy)
                .clock(new MutableClock("2026-11-25T12:00:00Z")).build();
        UserId viewer = UserId.of("viewer");
        UserId creator = UserId.of("creator");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + 1_000_000_000L;
        Thread gifter = new Thread(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    if (economy.wallet(viewer).coins().amount() < 5) {
                        economy.purchase(RequestId.of("p-" + i), viewer, "coins-11000", US);
                    }
                    economy.sendGift(RequestId.of("g-" + i), viewer, creator, "rose", 5);
                    if ((i & 255) == 0 && System.nanoTime() > deadline) {
                        stop.set(true);
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
                stop.set(true);
            }
        });
        // cashes out the diamonds the moment the wallet shows them
        Thread withdrawer = new Thread(() -> {
            try {
                for (int j = 0; !stop.get(); ) {
                    long held = economy.wallet(creator).diamonds().amount();
                    if (held > 0) {
                        economy.withdraw(RequestId.of("w-" + j++), creator, Diamonds.of(held));
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
                stop.set(true);
            }
        });
        Thread[] spinners = spinners(stop);
        gifter.start();
        withdrawer.start();
        gifter.join();
        withdrawer.join();
        for (Thread s : spinners) {
            s.join();
        }
        assertNull(failure.get(), "no command failed");
        assertTrue(economy.statement(creator).stream().anyMatch(e -> e.receipt() instanceof WithdrawalReceipt),
                "the creator withdrew");
        assertNull(firstNegative(economy, AccountRef.user(AccountType.USER_DIAMONDS, creator), Unit.DIAMONDS));
    }

    /** Busy threads beside the two under test, so that a command is sometimes preempted halfway. */
    private static Thread[] spinners(AtomicBoolean stop) {
        Thread[] spinners = new Thread[2];
        for (int k = 0; k < spinners.length; k++) {
            spinners[k] = new Thread(() -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            });
            spinners[k].start();
        }
        return spinners;
    }

    private static long countGifts(CoinEconomy economy) {
        long gifts = 0;
        for (long s = 1; s <= economy.journalSize(); s += 10_000) {
            for (JournalEntry e : economy.journal(s, 10_000)) {
                if (e.receipt() instanceof GiftReceipt) {
                    gifts++;
                }
            }
        }
        return gifts;
    }

    /**
     * Replays one account in journal order.
     *
     * @return a description of the first entry that takes it below zero, or {@code null} if none does
     *         and the replay ends at the account's trial balance
     */
    private static String firstNegative(CoinEconomy economy, AccountRef account, Unit unit) {
        long n = economy.journalSize();
        long balance = 0;
        for (long s = 1; s <= n; s += 10_000) {
            for (JournalEntry e : economy.journal(s, 10_000)) {
                balance += e.amount(account, unit);
                if (balance < 0) {
                    return "entry " + e.sequence() + " (" + e.requestId() + ") takes " + account + " to "
                            + balance + " in journal order";
                }
            }
        }
        long wallet = unit == Unit.COINS ? economy.wallet(account.owner()).coins().amount()
                : economy.wallet(account.owner()).diamonds().amount();
        return balance == wallet ? null : "replay ends at " + balance + ", wallet holds " + wallet;
    }
}
