package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.PayoutPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regression tests for the findings of the adversarial correctness review of core. */
class ReviewFindingsTest {

    private static final Region US = Region.of("US");

    @Test
    void aDeserialisedRejectionKeepsItsCodeAndHasEmptyRatherThanNullValues() throws Exception {
        EconomyException original = new EconomyException(RejectionCode.SELF_GIFT, "user u cannot send gifts to themselves",
                Map.of("user", UserId.of("u")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        EconomyException copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (EconomyException) in.readObject();
        }
        assertEquals(RejectionCode.SELF_GIFT, copy.code());
        assertEquals(original.getMessage(), copy.getMessage());
        assertEquals(Map.of(), copy.values(), "values are transient: empty after deserialisation, never null");
        assertEquals(null, copy.value("user"));
    }

    @Test
    void aDiamondValueTooLargeForMinorUnitsIsAnIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DiamondValue.of(Money.of("USD", "1000000000000000000000"), 3));
        assertTrue(e.getMessage().contains("USD 1000000000000000000000.00"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0000000000000000000001", "1E-30"})
    void aDiamondValueWithMoreDecimalsThanALongCanScaleIsAnIllegalArgument(String value) {
        assertThrows(IllegalArgumentException.class, () -> DiamondValue.perDiamond("USD", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0661/\u0662", "\u0967", "1/\uFF12", "\u0661"})
    void ratiosAreParsedFromAsciiDigitsOnly(String text) {
        assertThrows(IllegalArgumentException.class, () -> Ratio.parse(text));
    }

    @Test
    void ratiosStillParseTheirPlainForms() {
        assertEquals(Ratio.of(1, 2), Ratio.parse("1/2"));
        assertEquals(Ratio.of(1, 2), Ratio.parse(" 2 / 4 "));
        assertEquals(Ratio.of(3, 1), Ratio.parse("3"));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> Ratio.parse("-1/2"));
        assertTrue(negative.getMessage().contains("must not be negative"), negative.getMessage());
    }

    @Test
    void aPayoutTooLargeForALongIsReportedAtItsExactValue() {
        // USD 1,000,000 per diamond: 10^11 diamonds are worth USD 10^17, i.e. 10^19 cents, past Long.MAX_VALUE
        Catalog catalog = Catalog.builder()
                .pack(CoinPack.builder("huge", 100_000_000_000L).price(US, Channel.APP, Money.of("USD", "1.00")).build())
                .gift("rose", "Rose", 1)
                .build();
        EconomyPolicy policy = EconomyPolicy.reference().withPayout(new PayoutPolicy(
                DiamondValue.of(Money.of("USD", "1000000.00"), 1), Money.of("USD", "1.00"),
                Money.of("USD", "1000.00"), ZoneOffset.UTC));
        CoinEconomy economy = CoinEconomy.builder().catalog(catalog).policy(policy)
                .clock(new MutableClock("2026-11-25T12:00:00Z")).build();
        UserId viewer = UserId.of("viewer");
        UserId creator = UserId.of("creator");
        economy.purchase(RequestId.of("buy"), viewer, "huge", US);
        // issue 3: a gift books its diamonds' cash value as creator payable, which cannot exceed a long of
        // cents: such a gift is a bad argument and changes nothing
        long journal = economy.journalSize();
        assertThrows(IllegalArgumentException.class,
                () -> economy.sendGift(RequestId.of("gift"), viewer, creator, "rose", 100_000_000_000L));
        assertEquals(journal, economy.journalSize());
        assertEquals(Diamonds.zero(), economy.wallet(creator).diamonds());
        assertTrue(economy.entry(RequestId.of("gift")).isEmpty());

        // the withdrawal rule still names such a payout at its exact value
        EconomyException e = assertThrows(EconomyException.class, () -> dev.coineconomy.internal.Rules.withdrawal(
                policy.payout(), creator, 100_000_000_000L, 100_000_000_000L, 0, java.time.LocalDate.of(2026, 11, 25)));
        assertEquals(RejectionCode.DAILY_WITHDRAWAL_LIMIT, e.code());
        assertEquals(Money.of("USD", "100000000000000000.00"), e.value("payout"));
        assertTrue(e.getMessage().contains("payout USD 100000000000000000.00"), e.getMessage());
    }
}
