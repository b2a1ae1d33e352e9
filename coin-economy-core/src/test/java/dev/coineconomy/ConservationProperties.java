package dev.coineconomy;

import dev.coineconomy.PropertySupport.Run;
import dev.coineconomy.PropertySupport.Step;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.TrialBalance;
import dev.coineconomy.ledger.Unit;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.coineconomy.PropertySupport.opSequences;
import static dev.coineconomy.PropertySupport.platform;
import static dev.coineconomy.PropertySupport.props;
import static dev.coineconomy.PropertySupport.sequencePolicies;
import static dev.coineconomy.PropertySupport.userCoins;
import static dev.coineconomy.PropertySupport.userDiamonds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariant "conservation": coins issued = coins held + coins spent; diamonds issued = diamonds held +
 * diamonds in payout (withdrawals are pending until settled; none is settled here); per currency, gross
 * sales = store fees + tax + deferred revenue + recognized revenue, and creator payable = creator cost. Checked from the trial
 * balance (the journal's postings alone), from the wallets (the cached balances) and from the receipts
 * of the accepted commands, after every command of random sequences. Every entry balances per unit.
 */
class ConservationProperties {

    @Test
    void everyUnitIsConservedAfterEveryCommand() {
        Set<String> acceptedKinds = new HashSet<>();
        props(200).forAll(sequencePolicies(), opSequences(60)).checkAssert((policy, ops) -> {
            Run run = new Run(policy);
            run.snapshots = false;
            for (int i = 0; i < ops.size(); i++) {
                Step s = run.apply(ops.get(i));
                if (s != null && s.accepted()) {
                    acceptedKinds.add(s.receipt().getClass().getSimpleName());
                }
                assertConserved(run, "after op " + i + " " + ops.get(i));
            }
        });
        // the sequences really do move every kind of value
        assertEquals(Set.of("PurchaseReceipt", "GiftReceipt", "WithdrawalReceipt"), acceptedKinds);
    }

    @Test
    void journalEntriesAreTheReceiptsReturnedAndEachBalancesPerUnit() {
        props(200).forAll(sequencePolicies(), opSequences(60)).checkAssert((policy, ops) -> {
            Run run = new Run(policy);
            run.snapshots = false;
            run.applyAll(ops);
            List<JournalEntry> journal = run.economy.journal(1, Integer.MAX_VALUE);
            assertEquals(run.acceptedById.size(), journal.size(), "one entry per accepted request id");
            for (JournalEntry e : journal) {
                Step original = run.acceptedById.get(e.requestId());
                assertEquals(original.receipt(), e.receipt(), "entry " + e.sequence() + " is its receipt");
                Map<Unit, Long> sums = new HashMap<>();
                for (Posting p : e.postings()) {
                    assertTrue(p.amount() != 0, "no zero posting in " + e);
                    sums.merge(p.unit(), p.amount(), Math::addExact);
                    assertUnitFitsAccount(p);
                }
                sums.forEach((unit, sum) -> assertEquals(0L, (long) sum, "entry " + e + " unbalanced in " + unit));
                assertPostingsMatchReceipt(e);
            }
        });
    }

    static void assertConserved(Run run, String ctx) {
        CoinEconomy economy = run.economy;
        TrialBalance tb = economy.trialBalance();
        assertEquals(economy.journalSize(), tb.entries(), ctx);

        // receipts of accepted commands (first acceptance of each id only: retries are not new commands)
        long purchased = 0, giftCoins = 0, giftDiamonds = 0, withdrawnDiamonds = 0;
        Map<Unit, Long> sales = new HashMap<>();
        Map<Unit, Long> payouts = new HashMap<>();
        for (Step s : run.acceptedById.values()) {
            Receipt r = s.receipt();
            if (r instanceof PurchaseReceipt p) {
                purchased += p.coins().amount();
                sales.merge(Unit.of(p.price().currency()), p.price().toMinorUnits(), Math::addExact);
            } else if (r instanceof GiftReceipt g) {
                giftCoins += g.coinsSpent().amount();
                giftDiamonds += g.diamondsCredited().amount();
            } else if (r instanceof WithdrawalReceipt w) {
                withdrawnDiamonds += w.diamondsDebited().amount();
                payouts.merge(Unit.of(w.payout().currency()), w.payout().toMinorUnits(), Math::addExact);
            }
        }
        long coinsHeld = 0, diamondsHeld = 0, coinsHeldJournal = 0, diamondsHeldJournal = 0;
        for (UserId u : run.users) {
            Wallet w = economy.wallet(u);
            coinsHeld += w.coins().amount();
            diamondsHeld += w.diamonds().amount();
            coinsHeldJournal += tb.balance(userCoins(u), Unit.COINS);
            diamondsHeldJournal += tb.balance(userDiamonds(u), Unit.DIAMONDS);
        }
        assertEquals(coinsHeld, coinsHeldJournal, ctx + ": wallets vs journal (coins)");
        assertEquals(diamondsHeld, diamondsHeldJournal, ctx + ": wallets vs journal (diamonds)");

        long coinsIssued = -tb.balance(platform(AccountType.COIN_ISSUANCE), Unit.COINS);
        long coinsSpent = tb.balance(platform(AccountType.COINS_SPENT), Unit.COINS);
        assertEquals(purchased, coinsIssued, ctx + ": coins issued = coins of the purchases");
        assertEquals(giftCoins, coinsSpent, ctx + ": coins spent = coins of the gifts");
        assertEquals(coinsIssued, coinsHeld + coinsSpent, ctx + ": coins issued = held + spent");

        long diamondsIssued = -tb.balance(platform(AccountType.DIAMOND_ISSUANCE), Unit.DIAMONDS);
        long inPayout = 0;
        for (UserId u : run.users) {
            inPayout += tb.balance(AccountRef.user(AccountType.USER_DIAMONDS_IN_PAYOUT, u), Unit.DIAMONDS);
        }
        assertEquals(0, tb.balance(platform(AccountType.DIAMONDS_REDEEMED), Unit.DIAMONDS), ctx + ": nothing settled");
        assertEquals(giftDiamonds, diamondsIssued, ctx + ": diamonds issued = diamonds of the gifts");
        assertEquals(withdrawnDiamonds, inPayout, ctx + ": in payout = diamonds of the withdrawals");
        assertEquals(diamondsIssued, diamondsHeld + inPayout, ctx + ": diamonds issued = held + in payout");

        Set<Unit> units = new HashSet<>();
        tb.balances().values().forEach(m -> units.addAll(m.keySet()));
        for (Unit unit : units) {
            assertEquals(0L, tb.total(unit), ctx + ": trial balance does not sum to zero in " + unit);
            if (unit.isMoney()) {
                long gross = -tb.balance(platform(AccountType.GROSS_SALES), unit);
                long split = tb.balance(platform(AccountType.STORE_FEES), unit)
                        + tb.balance(platform(AccountType.TAX_PAYABLE), unit)
                        + tb.balance(platform(AccountType.DEFERRED_REVENUE), unit)
                        + tb.balance(platform(AccountType.RECOGNIZED_REVENUE), unit);
                assertEquals(sales.getOrDefault(unit, 0L), gross, ctx + ": gross sales in " + unit);
                assertEquals(0, tb.balance(platform(AccountType.PAYOUTS_PAID), unit), ctx + ": nothing paid yet");
                assertEquals(0, tb.balance(platform(AccountType.PLATFORM_CASH), unit), ctx + ": no issue-2 cash");
                assertEquals(gross, split, ctx + ": gross sales = fees + tax + deferred + recognized in " + unit);
                assertEquals(-tb.balance(platform(AccountType.CREATOR_COST), unit),
                        tb.balance(platform(AccountType.CREATOR_PAYABLE), unit), ctx + ": payable = cost in " + unit);
                assertTrue(payouts.getOrDefault(unit, 0L) <= tb.balance(platform(AccountType.CREATOR_PAYABLE), unit),
                        ctx + ": pending payouts are owed in " + unit);
            }
        }
        assertTrue(sales.keySet().stream().allMatch(units::contains), ctx);
    }

    static void assertUnitFitsAccount(Posting p) {
        AccountType t = p.account().type();
        switch (t) {
            case USER_COINS, COIN_ISSUANCE, COINS_SPENT, PROMOTIONAL_COINS, COINS_REFUNDED, COINS_CHARGED_BACK ->
                    assertEquals(Unit.COINS, p.unit(), p.toString());
            case USER_DIAMONDS, USER_DIAMONDS_HELD, USER_DIAMONDS_IN_PAYOUT, DIAMOND_ISSUANCE, DIAMONDS_REDEEMED,
                    DIAMONDS_CLAWED_BACK -> assertEquals(Unit.DIAMONDS, p.unit(), p.toString());
            default -> assertTrue(p.unit().isMoney(), p.toString());
        }
    }

    /** The postings are exactly what the receipt says moved, between the accounts of the chart. */
    static void assertPostingsMatchReceipt(JournalEntry e) {
        Receipt r = e.receipt();
        if (r instanceof PurchaseReceipt p) {
            assertEquals(p.coins().amount(), e.amount(userCoins(p.user()), Unit.COINS));
            assertEquals(-p.coins().amount(), e.amount(platform(AccountType.COIN_ISSUANCE), Unit.COINS));
            Unit cur = Unit.of(p.price().currency());
            assertEquals(-p.price().toMinorUnits(), e.amount(platform(AccountType.GROSS_SALES), cur));
            assertEquals(p.price().toMinorUnits(), e.amount(platform(AccountType.STORE_FEES), cur)
                    + e.amount(platform(AccountType.TAX_PAYABLE), cur)
                    + e.amount(platform(AccountType.DEFERRED_REVENUE), cur), "the price splits into fee, tax, net");
        } else if (r instanceof GiftReceipt g) {
            assertEquals(-g.coinsSpent().amount(), e.amount(userCoins(g.sender()), Unit.COINS));
            assertEquals(g.coinsSpent().amount(), e.amount(platform(AccountType.COINS_SPENT), Unit.COINS));
            assertEquals(g.diamondsCredited().amount(), e.amount(userDiamonds(g.creator()), Unit.DIAMONDS));
            assertEquals(-g.diamondsCredited().amount(), e.amount(platform(AccountType.DIAMOND_ISSUANCE), Unit.DIAMONDS));
            for (Posting p : e.postings()) {
                if (p.unit().isMoney()) {
                    Unit u = p.unit();
                    assertEquals(0, e.amount(platform(AccountType.DEFERRED_REVENUE), u)
                            + e.amount(platform(AccountType.RECOGNIZED_REVENUE), u), "revenue moves from deferred");
                    assertEquals(0, e.amount(platform(AccountType.CREATOR_PAYABLE), u)
                            + e.amount(platform(AccountType.CREATOR_COST), u)
                            + e.amount(platform(AccountType.PROMOTION_EXPENSE), u), "payable from cost");
                }
            }
        } else if (r instanceof WithdrawalReceipt w) {
            assertEquals(-w.diamondsDebited().amount(), e.amount(userDiamonds(w.creator()), Unit.DIAMONDS));
            assertEquals(w.diamondsDebited().amount(), e.amount(
                    AccountRef.user(AccountType.USER_DIAMONDS_IN_PAYOUT, w.creator()), Unit.DIAMONDS));
            assertEquals(2, e.postings().size(), "a pending payout moves no money");
        }
        for (Posting p : e.postings()) {
            AccountRef a = p.account();
            assertTrue(a.type().isUserAccount() == a.ownerId().isPresent(), p.toString());
        }
    }
}
