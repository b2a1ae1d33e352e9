package dev.coineconomy;

import dev.coineconomy.PropertySupport.Command;
import dev.coineconomy.PropertySupport.GiftCmd;
import dev.coineconomy.PropertySupport.PurchaseCmd;
import dev.coineconomy.PropertySupport.Run;
import dev.coineconomy.PropertySupport.Snapshot;
import dev.coineconomy.PropertySupport.Step;
import dev.coineconomy.PropertySupport.WithdrawCmd;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.EconomyPolicy;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.coineconomy.PropertySupport.FR;
import static dev.coineconomy.PropertySupport.GB;
import static dev.coineconomy.PropertySupport.HUGE_PACK_COINS;
import static dev.coineconomy.PropertySupport.JP;
import static dev.coineconomy.PropertySupport.US;
import static dev.coineconomy.PropertySupport.USERS;
import static dev.coineconomy.PropertySupport.diamondValues;
import static dev.coineconomy.PropertySupport.opSequences;
import static dev.coineconomy.PropertySupport.platform;
import static dev.coineconomy.PropertySupport.policies;
import static dev.coineconomy.PropertySupport.positiveRatios;
import static dev.coineconomy.PropertySupport.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Invariant "rejection leaves state unchanged": from random states, a command built to break one rule is
 * rejected with exactly that rule's code, and everything observable — journal size and entries, wallets,
 * trial balance, statements, remaining withdrawal today, which request ids are taken — is identical
 * before and after. Every {@link RejectionCode} is reached.
 */
class RejectionProperties {

    /** Diamond values whose step is at least 2, so that some counts are not payable. */
    static Gen<DiamondValue> fractionalValues() {
        return diamondValues().assuming(v -> v.diamondStep() >= 2);
    }

    /** Minimum at least two steps (so one step is below it); daily limit above it. */
    static Gen<EconomyPolicy> rejectionPolicies() {
        return policies(positiveRatios(), fractionalValues(), 2, 10, 100);
    }

    /** The codes of purchase, gift and withdrawal, which {@link #breakRule} knows how to provoke. */
    static final Set<RejectionCode> CORE_CODES = EnumSet.range(RejectionCode.INSUFFICIENT_COINS,
            RejectionCode.COIN_SUPPLY_LIMIT);

    @Test
    void everyRejectionHasItsCodeAndChangesNothing() {
        Set<RejectionCode> reached = EnumSet.noneOf(RejectionCode.class);
        props(400).forAll(rejectionPolicies(), opSequences(30), Generate.pick(List.copyOf(CORE_CODES)),
                        integers().between(0, 999))
                .checkAssert((policy, prefix, code, pick) -> {
                    Run run = new Run(code == RejectionCode.COIN_SUPPLY_LIMIT ? scarceCoins(policy) : policy);
                    run.snapshots = false;
                    run.applyAll(prefix);
                    RequestIdAndCommand bad = breakRule(run, code, pick);
                    run.snapshots = true;
                    Step s = run.execute(bad.id(), bad.command());
                    String ctx = code + " by " + bad.command();
                    assertFalse(s.accepted(), ctx + " was accepted");
                    assertEquals(code, s.rejection().code(), ctx + ": " + s.rejection().getMessage());
                    assertTrue(s.rejection().getMessage().startsWith(code.name()), ctx);
                    s.after().assertSameAs(s.before(), ctx);
                    Snapshot again = run.snapshot();
                    again.assertSameAs(s.before(), ctx + " (re-read)");
                    if (code != RejectionCode.REQUEST_CONFLICT) {
                        assertEquals(Optional.empty(), run.economy.entry(bad.id()), ctx + ": id taken");
                    }
                    reached.add(code);
                });
        assertEquals(CORE_CODES, reached);
    }

    /** A policy whose ratio is so high that only a few huge packs can ever be sold. */
    private static EconomyPolicy scarceCoins(EconomyPolicy policy) {
        return policy.withDiamondsPerCoin(Ratio.of(Long.MAX_VALUE / (5 * HUGE_PACK_COINS), 1));
    }

    record RequestIdAndCommand(RequestId id, Command command) {
    }

    /**
     * Builds a command that breaks the rule of {@code code} in the run's current state; accepted set-up
     * commands may run first (the snapshot is taken after them).
     */
    private static RequestIdAndCommand breakRule(Run run, RejectionCode code, int pick) {
        CoinEconomy e = run.economy;
        UserId user = run.user(pick);
        UserId other = run.user(pick + 1 + pick / 5 % (USERS.size() - 1));
        List<Gift> gifts = run.gifts;
        Gift gift = gifts.get(pick % gifts.size());
        DiamondValue value = run.policy.payout().diamondValue();
        long step = value.diamondStep();
        long stepMinor = value.minorUnitsPerDiamond().numerator();     // minor units of one step
        long minSteps = run.policy.payout().minimum().toMinorUnits() / stepMinor;
        long held = e.wallet(user).diamonds().amount();
        Command c;
        switch (code) {
            case INSUFFICIENT_COINS: {
                long price = gift.price().amount();
                c = new GiftCmd(user, other, gift.id(), e.wallet(user).coins().amount() / price + 1 + pick % 3);
                break;
            }
            case INSUFFICIENT_DIAMONDS:
                c = new WithdrawCmd(user, Math.max(held / step + 1, minSteps + pick % 3) * step);
                break;
            case UNKNOWN_PACK:
                c = new PurchaseCmd(user, "no-such-pack-" + pick, run.regionFor(pick), Channel.values()[pick % 2]);
                break;
            case UNKNOWN_GIFT:
                // unknown gift is checked before self gift
                c = new GiftCmd(user, pick % 2 == 0 ? user : other, "no-such-gift", 1 + pick);
                break;
            case NOT_SOLD_IN_REGION: {
                List<PurchaseCmd> unsold = List.of(new PurchaseCmd(user, "pack-small", FR, Channel.APP),
                        new PurchaseCmd(user, "pack-small", US, Channel.WEB),
                        new PurchaseCmd(user, "pack-mid", GB, Channel.APP),
                        new PurchaseCmd(user, "pack-big", JP, Channel.APP),
                        new PurchaseCmd(user, "pack-huge", GB, Channel.WEB));
                c = unsold.get(pick % unsold.size());
                break;
            }
            case SELF_GIFT:
                // self gift is checked before the balance
                c = new GiftCmd(user, user, gift.id(), 1 + pick * 1_000L);
                break;
            case BELOW_MINIMUM_WITHDRAWAL:
                c = new WithdrawCmd(user, (1 + pick % (minSteps - 1)) * step);
                break;
            case DAILY_WITHDRAWAL_LIMIT: {
                long remaining = e.remainingWithdrawalToday(user).toMinorUnits();
                long steps = Math.max(minSteps, remaining / stepMinor + 1) + pick % 3;
                run.ensureDiamonds(user, steps * step);
                c = new WithdrawCmd(user, steps * step);
                break;
            }
            case NOT_WHOLE_CENTS:
                c = new WithdrawCmd(user, step * (pick % 7) + 1 + pick % (step - 1));
                break;
            case REQUEST_CONFLICT: {
                if (run.acceptedById.isEmpty()) {
                    run.accept(new PurchaseCmd(user, "pack-small", US, Channel.APP));
                }
                List<Step> accepted = new ArrayList<>(run.acceptedById.values());
                Step original = accepted.get(pick % accepted.size());
                return new RequestIdAndCommand(original.id(), run.differentCommand(original.command(), pick, pick / 3));
            }
            case COIN_SUPPLY_LIMIT: {
                long max = run.policy.conversion().maxCoinsReceived();
                while (max - issued(e) >= HUGE_PACK_COINS) {
                    run.accept(new PurchaseCmd(USERS.get(pick % USERS.size()), "pack-huge", US, Channel.APP));
                }
                c = new PurchaseCmd(user, "pack-huge", US, Channel.APP);
                break;
            }
            default:
                throw new AssertionError("no way to break the rule of " + code);
        }
        return new RequestIdAndCommand(run.freshId(), c);
    }

    private static long issued(CoinEconomy e) {
        return -e.trialBalance().balance(platform(AccountType.COIN_ISSUANCE), Unit.COINS);
    }

    @Test
    void notWholeCentsNamesTheNearestPayableCounts() {
        props(300).forAll(rejectionPolicies(), opSequences(20), integers().between(0, 999))
                .checkAssert((policy, prefix, pick) -> {
                    Run run = new Run(policy);
                    run.snapshots = false;
                    run.applyAll(prefix);
                    RequestIdAndCommand bad = breakRule(run, RejectionCode.NOT_WHOLE_CENTS, pick);
                    long d = ((WithdrawCmd) bad.command()).diamonds();
                    EconomyException ex = run.execute(bad.id(), bad.command()).rejection();
                    long step = run.step();
                    assertEquals(Diamonds.of(d), ex.value("requested"));
                    assertEquals(step, ex.value("step"));
                    assertEquals(Diamonds.of(d / step * step), ex.value("payableBelow"));
                    assertEquals(Diamonds.of((d / step + 1) * step), ex.value("payableAbove"));
                });
    }

}
