package dev.coineconomy;

import dev.coineconomy.PropertySupport.GiftCmd;
import dev.coineconomy.PropertySupport.PurchaseCmd;
import dev.coineconomy.PropertySupport.Run;
import dev.coineconomy.PropertySupport.Step;
import dev.coineconomy.PropertySupport.WithdrawCmd;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.coineconomy.PropertySupport.US;
import static dev.coineconomy.PropertySupport.USERS;
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

/**
 * Invariant "idempotency": a command retried with its request id takes effect once (an equal receipt,
 * journal and wallets unchanged); the same id with a different command is {@code REQUEST_CONFLICT} and
 * changes nothing; the id of a rejected command stays free.
 */
class IdempotencyProperties {

    @Test
    void retriesTakeEffectOnceAndConflictsChangeNothing() {
        int[] seen = new int[3]; // retries of accepted commands, conflicts, fresh rejections
        props(200).forAll(sequencePolicies(), opSequences(60)).checkAssert((policy, ops) -> {
            Run run = new Run(policy);
            for (int i = 0; i < ops.size(); i++) {
                Step s = run.apply(ops.get(i));
                if (s == null) {
                    continue;
                }
                String ctx = "op " + i + " " + ops.get(i) + " " + s.command();
                if (s.reused()) {
                    Step original = run.acceptedById.get(s.id());
                    if (original.command().equals(s.command())) {
                        assertTrue(s.accepted(), () -> ctx + ": retry rejected " + s.rejection());
                        assertEquals(original.receipt(), s.receipt(), ctx + ": retry returns the original receipt");
                        seen[0]++;
                    } else {
                        assertFalse(s.accepted(), ctx + ": conflicting command accepted");
                        assertEquals(RejectionCode.REQUEST_CONFLICT, s.rejection().code(), ctx);
                        assertEquals(original.receipt(), s.rejection().value("existing"), ctx);
                        seen[1]++;
                    }
                    s.after().assertSameAs(s.before(), ctx);
                } else if (s.accepted()) {
                    assertEquals(s.before().journalSize() + 1, s.after().journalSize(), ctx);
                    assertEquals(s.after().journalSize(), s.receipt().sequence(), ctx);
                    assertEquals(s.receipt(), run.economy.entry(s.id()).orElseThrow().receipt(), ctx);
                } else {
                    assertEquals(Optional.empty(), run.economy.entry(s.id()), ctx + ": rejected id recorded");
                    s.after().assertSameAs(s.before(), ctx);
                    seen[2]++;
                }
            }
            assertEquals(run.acceptedById.size(), run.economy.journalSize(), "one entry per accepted id");
        });
        assertTrue(seen[0] > 100 && seen[1] > 100 && seen[2] > 100, () -> java.util.Arrays.toString(seen));
    }

    @Test
    void rejectedIdsStayFree() {
        props(200).forAll(sequencePolicies(), opSequences(40)).checkAssert((policy, ops) -> {
            Run run = new Run(policy);
            run.snapshots = false;
            run.applyAll(ops);
            List<Step> rejectedFresh = new ArrayList<>();
            for (Step s : run.steps) {
                if (!s.accepted() && !run.acceptedById.containsKey(s.id())) {
                    rejectedFresh.add(s);
                }
            }
            for (Step s : rejectedFresh) {
                if (run.acceptedById.containsKey(s.id())) {
                    continue; // the same id appears twice in the list and was just used
                }
                Step reuse = run.execute(s.id(), new PurchaseCmd(USERS.get(0), "pack-small", US, Channel.APP));
                assertTrue(reuse.accepted(), () -> "id " + s.id() + " of rejected " + s.command() + ": " + reuse.rejection());
                assertEquals(run.economy.journalSize(), reuse.receipt().sequence());
            }
        });
    }

    @Test
    void aRetryReturnsItsReceiptEvenWhenTheCommandWouldNowBeRejected() {
        props(100).forAll(policies(positiveRatios(), diamondValues(), 1, 5, 20), integers().between(1, 30))
                .checkAssert((policy, quantity) -> {
                    Run run = new Run(policy);
                    UserId viewer = USERS.get(0);
                    UserId creator = USERS.get(1);
                    // the viewer spends all their coins: a retry of the gift must still return the receipt
                    Receipt purchase = run.accept(new PurchaseCmd(viewer, "pack-small", US, Channel.APP));
                    GiftCmd gift = new GiftCmd(viewer, creator, "gift-1", 50);
                    Receipt giftReceipt = run.accept(gift);
                    Step again = run.execute(giftReceipt.requestId(), gift);
                    assertEquals(giftReceipt, again.receipt());
                    again.after().assertSameAs(again.before(), "gift retry");
                    assertEquals(RejectionCode.INSUFFICIENT_COINS, run.execute(gift).rejection().code());
                    // the creator withdraws the whole daily limit: a retry still returns the receipt
                    Money limit = policy.payout().dailyLimit();
                    long stepValue = policy.payout().diamondValue().minorUnitsPerDiamond().numerator();
                    long d = limit.toMinorUnits() / stepValue * run.step();
                    run.ensureDiamonds(creator, d);
                    WithdrawCmd withdraw = new WithdrawCmd(creator, d);
                    Receipt w = run.accept(withdraw);
                    assertEquals(limit, ((WithdrawalReceipt) w).payout());
                    run.clock.advance(java.time.Duration.ofMinutes(quantity));
                    Step retry = run.execute(w.requestId(), withdraw);
                    assertEquals(w, retry.receipt());
                    retry.after().assertSameAs(retry.before(), "withdrawal retry");
                    Step fresh = run.execute(withdraw);
                    assertFalse(fresh.accepted());
                    // and the purchase, retried last, is still the same purchase
                    assertEquals(purchase, run.execute(purchase.requestId(),
                            new PurchaseCmd(viewer, "pack-small", US, Channel.APP)).receipt());
                    JournalEntry first = run.economy.journal(1, 1).get(0);
                    assertEquals(purchase, first.receipt());
                });
    }
}
