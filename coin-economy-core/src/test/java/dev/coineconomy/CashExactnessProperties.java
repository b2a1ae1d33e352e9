package dev.coineconomy;

import dev.coineconomy.PropertySupport.Run;
import dev.coineconomy.PropertySupport.Step;
import dev.coineconomy.PropertySupport.WithdrawCmd;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.PayoutPolicy;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

import static dev.coineconomy.PropertySupport.USERS;
import static dev.coineconomy.PropertySupport.platform;
import static dev.coineconomy.PropertySupport.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Invariant "cash exactness": for any diamond value (an amount per {@code N} diamonds, in currencies of
 * scale 0, 2 and 3) a payout is a whole number of minor units and exactly {@code diamonds × value}; cash
 * paid out + value of the diamonds still held = value of the diamonds earned, to the minor unit; a count
 * of diamonds that is not worth whole minor units is rejected {@code NOT_WHOLE_CENTS} and changes nothing.
 */
class CashExactnessProperties {

    static final List<String> CURRENCIES = List.of("USD", "JPY", "EUR", "BHD", "KWD", "GBP");

    static Gen<DiamondValue> values() {
        Gen<DiamondValue> reference = Generate.constant(DiamondValue.perDiamond("USD", "0.005"));
        Gen<DiamondValue> random = Generate.pick(CURRENCIES).zip(
                Generate.oneOf(longs().between(1, 1_000), longs().between(1, 1_000_000)),
                Generate.oneOf(longs().between(1, 1_000), longs().between(1, 1_000_000)),
                (cur, minor, per) -> DiamondValue.of(Money.ofMinor(cur, minor), per));
        return Generate.oneOf(reference, random, random, random);
    }

    /** One withdrawal request: a mode and a raw number, turned into a diamond count against the state. */
    record Ask(int mode, long raw) {
    }

    static Gen<List<Ask>> asks() {
        return lists().of(integers().between(0, 5).zip(longs().between(1, Long.MAX_VALUE / 4), Ask::new))
                .ofSizeBetween(1, 25);
    }

    @Test
    void payoutsAreExactWholeMinorUnitsAndTheRestStaysAsDiamonds() {
        long[] outcomes = new long[3]; // accepted, NOT_WHOLE_CENTS, INSUFFICIENT_DIAMONDS
        props(200).forAll(values(), longs().between(1, 100_000_000), asks()).checkAssert((value, earned, asks) -> {
            Currency cur = value.currency();
            // no minimum and a limit out of reach: only exactness decides here
            EconomyPolicy policy = EconomyPolicy.reference().withPayout(new PayoutPolicy(value, Money.zero(cur),
                    Money.ofMinor(cur, Long.MAX_VALUE / 2), ZoneOffset.UTC));
            Run run = new Run(policy);
            UserId creator = USERS.get(3);
            run.ensureDiamonds(creator, earned);
            run.snapshots = true;
            long total = run.economy.wallet(creator).diamonds().amount();
            BigInteger amountMinor = BigInteger.valueOf(value.amount().toMinorUnits());
            BigInteger per = BigInteger.valueOf(value.diamonds());
            BigDecimal paidTotal = BigDecimal.ZERO;
            List<RequestId> pending = new java.util.ArrayList<>();
            for (Ask ask : asks) {
                long held = run.economy.wallet(creator).diamonds().amount();
                long d = switch (ask.mode()) {
                    case 0 -> 1 + ask.raw() % Math.max(1, held);     // any count up to the balance
                    case 1 -> Math.max(1, held);                      // everything
                    case 2 -> 1 + ask.raw() % Math.max(1, 2 * held);  // maybe more than held
                    case 3 -> ask.raw();                              // huge
                    default -> Math.max(1, ask.raw() % (held / value.diamondStep() + 1)) * value.diamondStep(); // payable
                };
                boolean payable = BigInteger.valueOf(d).multiply(amountMinor).mod(per).signum() == 0;
                Step s = run.execute(new WithdrawCmd(creator, d));
                if (!payable) {
                    assertFalse(s.accepted(), d + " diamonds at " + value);
                    assertEquals(RejectionCode.NOT_WHOLE_CENTS, s.rejection().code());
                    long step = (long) s.rejection().value("step");
                    long below = ((Diamonds) s.rejection().value("payableBelow")).amount();
                    long above = ((Diamonds) s.rejection().value("payableAbove")).amount();
                    assertEquals(value.diamondStep(), step);
                    assertTrue(below < d && d < above && above - below == step, below + " < " + d + " < " + above);
                    assertTrue(value.isPayable(below) && value.isPayable(above));
                    s.after().assertSameAs(s.before(), "NOT_WHOLE_CENTS " + d);
                    outcomes[1]++;
                } else if (d > held) {
                    assertEquals(RejectionCode.INSUFFICIENT_DIAMONDS, s.rejection().code(), d + " > " + held);
                    s.after().assertSameAs(s.before(), "INSUFFICIENT_DIAMONDS " + d);
                    outcomes[2]++;
                } else {
                    assertTrue(s.accepted(), () -> d + " of " + held + " at " + value + ": " + s.rejection());
                    Money payout = ((WithdrawalReceipt) s.receipt()).payout();
                    assertEquals(cur, payout.currency());
                    assertEquals(cur.getDefaultFractionDigits(), payout.amount().scale(), "whole minor units");
                    BigDecimal exact = BigDecimal.valueOf(d).multiply(value.amount().amount())
                            .divide(BigDecimal.valueOf(value.diamonds())); // terminates: d is payable
                    assertEquals(0, exact.compareTo(payout.amount()), d + " x " + value + " = " + exact);
                    assertEquals(held - d, run.economy.wallet(creator).diamonds().amount());
                    paidTotal = paidTotal.add(payout.amount());
                    pending.add(s.receipt().requestId());
                    outcomes[0]++;
                }
                run.clock.advance(Duration.ofHours(1));
            }
            // cash paid + value of the diamonds held = value of the diamonds earned, exactly:
            // paid + held × amount / per = earned × amount / per  ⇔  paid × per + held × amount = earned × amount
            long heldAtEnd = run.economy.wallet(creator).diamonds().amount();
            BigDecimal amount = value.amount().amount();
            BigDecimal perD = new BigDecimal(per);
            assertEquals(0, paidTotal.multiply(perD).add(BigDecimal.valueOf(heldAtEnd).multiply(amount))
                    .compareTo(BigDecimal.valueOf(total).multiply(amount)), "paid " + paidTotal + ", held " + heldAtEnd);
            // and the journal agrees to the minor unit once the payouts are settled
            for (RequestId w : pending) {
                assertEquals(Money.ofMinor(cur, 0).currency(), run.economy.settleWithdrawal(
                        RequestId.of("settle-" + w.value()), w).paid().currency());
            }
            long paidJournal = run.economy.trialBalance().balance(platform(AccountType.PAYOUTS_PAID), Unit.of(cur));
            assertEquals(paidTotal.movePointRight(cur.getDefaultFractionDigits()).longValueExact(), paidJournal);
        });
        assertTrue(outcomes[0] > 500 && outcomes[1] > 500 && outcomes[2] > 100, java.util.Arrays.toString(outcomes));
    }

    @Test
    void diamondStepIsTheSmallestPayableCount() {
        props(1_000).forAll(values(), longs().between(0, 10_000_000)).checkAssert((value, d) -> {
            Ratio perDiamond = value.minorUnitsPerDiamond();
            BigInteger exactNumerator = BigInteger.valueOf(d).multiply(BigInteger.valueOf(value.amount().toMinorUnits()));
            boolean whole = exactNumerator.mod(BigInteger.valueOf(value.diamonds())).signum() == 0;
            assertEquals(whole, value.isPayable(d));
            assertEquals(whole, d % value.diamondStep() == 0);
            assertEquals(exactNumerator.divide(BigInteger.valueOf(value.diamonds())).longValueExact(),
                    value.floorMinorUnits(d));
            assertEquals(value.floorMinorUnits(d), perDiamond.floorMultiply(d));
        });
    }

    @Test
    void perDiamondDecimalIsTheSameRate() {
        props(500).forAll(Generate.pick(CURRENCIES), longs().between(1, 1_000_000), integers().between(0, 6))
                .checkAssert((code, unscaled, scale) -> {
                    BigDecimal one = BigDecimal.valueOf(unscaled, scale);
                    DiamondValue v = DiamondValue.perDiamond(code, one.toPlainString());
                    // value of one diamond in minor units, exactly
                    BigDecimal minorPerDiamond = one.movePointRight(Currency.getInstance(code).getDefaultFractionDigits());
                    Ratio r = v.minorUnitsPerDiamond();
                    assertEquals(0, new BigDecimal(r.numerator()).compareTo(
                            minorPerDiamond.multiply(new BigDecimal(r.denominator()))), v + " vs " + one);
                });
    }
}
