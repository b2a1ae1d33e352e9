package dev.coineconomy;

import dev.coineconomy.PropertySupport.GiftCmd;
import dev.coineconomy.PropertySupport.PurchaseCmd;
import dev.coineconomy.PropertySupport.Run;
import dev.coineconomy.PropertySupport.Step;
import dev.coineconomy.PropertySupport.WithdrawCmd;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.coineconomy.PropertySupport.RICH;
import static dev.coineconomy.PropertySupport.US;
import static dev.coineconomy.PropertySupport.USERS;
import static dev.coineconomy.PropertySupport.assertUserAccountsNonNegative;
import static dev.coineconomy.PropertySupport.diamondValues;
import static dev.coineconomy.PropertySupport.opSequences;
import static dev.coineconomy.PropertySupport.policies;
import static dev.coineconomy.PropertySupport.positiveRatios;
import static dev.coineconomy.PropertySupport.props;
import static dev.coineconomy.PropertySupport.sequencePolicies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Invariant "no negative balance, ever": whatever commands arrive (purchases, gifts that over-spend,
 * withdrawals of more than is held), no wallet and no user account of the trial balance goes below zero.
 */
class NonNegativityProperties {

    @Test
    void randomCommandSequencesNeverMakeAUserBalanceNegative() {
        props(200).forAll(sequencePolicies(), opSequences(60)).checkAssert((policy, ops) -> {
            Run run = new Run(policy);
            run.snapshots = false;
            for (int i = 0; i < ops.size(); i++) {
                PropertySupport.Op op = ops.get(i);
                Step s = run.apply(op);
                String ctx = "after op " + i + " " + op;
                for (UserId u : run.users) {
                    Wallet w = run.economy.wallet(u);
                    assertTrue(w.coins().amount() >= 0 && w.diamonds().amount() >= 0, ctx + ": " + w);
                }
                assertUserAccountsNonNegative(run.economy, ctx);
                if (s != null && !s.accepted() && s.rejection().code() == RejectionCode.INSUFFICIENT_COINS) {
                    GiftCmd g = (GiftCmd) s.command();
                    Coins needed = (Coins) s.rejection().value("needed");
                    Coins available = (Coins) s.rejection().value("available");
                    assertTrue(available.isLessThan(needed), ctx);
                    assertEquals(run.economy.wallet(g.sender()).coins(), available, ctx);
                }
                if (s != null && !s.accepted() && s.rejection().code() == RejectionCode.INSUFFICIENT_DIAMONDS) {
                    WithdrawCmd w = (WithdrawCmd) s.command();
                    assertTrue(w.diamonds() > run.economy.wallet(w.creator()).diamonds().amount(), ctx);
                }
            }
        });
    }

    @Test
    void giftsCanSpendEverythingButNeverMore() {
        props(200).forAll(lists().of(integers().between(0, 3)).ofSizeBetween(1, 6), integers().between(0, 7),
                longs().between(1, 50)).checkAssert((packChoices, giftChoice, extra) -> {
            Run run = new Run(PropertySupport.policy(Ratio.ONE,
                    DiamondValue.perDiamond("USD", "0.005"), 1, 10));
            run.snapshots = false;
            UserId viewer = USERS.get(0);
            UserId creator = USERS.get(1);
            for (int p : packChoices) {
                run.accept(new PurchaseCmd(viewer, run.packs.get(p), US, Channel.APP));
            }
            long coins = run.economy.wallet(viewer).coins().amount();
            Gift gift = run.gifts.get(giftChoice % run.gifts.size());
            long price = gift.price().amount();
            long affordable = coins / price;
            // over-spending by `extra` gifts is rejected and changes nothing
            Step over = run.execute(new GiftCmd(viewer, creator, gift.id(), affordable + extra));
            assertFalse(over.accepted());
            assertEquals(RejectionCode.INSUFFICIENT_COINS, over.rejection().code());
            assertEquals(Coins.of(coins), run.economy.wallet(viewer).coins());
            if (affordable > 0) {
                run.accept(new GiftCmd(viewer, creator, gift.id(), affordable));
            }
            assertEquals(Coins.of(coins % price), run.economy.wallet(viewer).coins());
            // spend the rest on 1-coin gifts: down to exactly zero, then one more is rejected
            long rest = coins % price;
            String cheapest = "gift-1";
            if (rest > 0) {
                run.accept(new GiftCmd(viewer, creator, cheapest, rest));
            }
            assertEquals(Coins.zero(), run.economy.wallet(viewer).coins());
            Step last = run.execute(new GiftCmd(viewer, creator, cheapest, 1));
            assertEquals(RejectionCode.INSUFFICIENT_COINS, last.rejection().code());
            assertEquals(Diamonds.of(coins), run.economy.wallet(creator).diamonds());
            assertUserAccountsNonNegative(run.economy, "end");
        });
    }

    @Test
    void withdrawalsNeverOverdrawDiamonds() {
        props(200).forAll(policies(positiveRatios(), diamondValues(), 0), longs().between(0, 400_000),
                lists().of(longs().between(1, 500_000)).ofSizeBetween(1, 30)).checkAssert((policy, earned, asks) -> {
            Run run = new Run(policy);
            run.snapshots = false;
            UserId creator = USERS.get(2);
            run.ensureDiamonds(creator, earned);
            long step = run.step();
            for (long ask : asks) {
                long held = run.economy.wallet(creator).diamonds().amount();
                // half the asks are payable counts around the balance, so both sides of it are tried
                long d = ask % 2 == 0 ? Math.max(step, (held + ask % 5 * step - 2 * step) / step * step) : ask;
                Step s = run.execute(new WithdrawCmd(creator, d));
                long after = run.economy.wallet(creator).diamonds().amount();
                if (s.accepted()) {
                    assertTrue(d <= held);
                    assertEquals(held - d, after);
                } else {
                    assertEquals(held, after);
                    if (d > held && policy.payout().diamondValue().isPayable(d)
                            && !policy.payout().diamondValue().floorValue(d).isLessThan(policy.payout().minimum())) {
                        assertEquals(RejectionCode.INSUFFICIENT_DIAMONDS, s.rejection().code());
                    }
                }
                assertTrue(after >= 0);
                run.clock.advance(Duration.ofHours(25));
            }
            assertUserAccountsNonNegative(run.economy, "end");
            assertTrue(run.economy.wallet(RICH).coins().amount() >= 0);
        });
    }

}
