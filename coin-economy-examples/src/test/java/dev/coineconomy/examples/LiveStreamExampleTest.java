package dev.coineconomy.examples;

import dev.coineconomy.RejectionCode;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.PayoutPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the live-stream example and checks its conservation verdict, determinism and figures. */
class LiveStreamExampleTest {

    private static LiveStreamReport report;

    @BeforeAll
    static void runOnce() {
        report = LiveStreamSimulation.run(LiveStreamSimulation.DEFAULT_SEED);
    }

    @Test
    void conservationCheckPasses() {
        LiveStreamSummary s = report.summary();
        assertTrue(s.conservationOk(), () -> report.text());
        assertTrue(s.checks().size() >= 20, "expected the full set of checks, got " + s.checks().size());
        s.checks().forEach(c -> assertTrue(c.ok(), c.name() + ": expected " + c.expected() + ", got " + c.actual()));
        assertTrue(report.text().endsWith("\nConservation check: OK\n"), report.text());
        assertFalse(report.text().contains("FAILED"));
    }

    @Test
    void sameSeedGivesTheSameText() {
        LiveStreamReport again = LiveStreamSimulation.run(LiveStreamSimulation.DEFAULT_SEED);
        assertEquals(report.text(), again.text());
        assertEquals(report.summary(), again.summary());
    }

    @Test
    void anotherSeedGivesAnotherStreamThatAlsoConserves() {
        LiveStreamReport other = LiveStreamSimulation.run(42);
        assertNotEquals(report.text(), other.text());
        assertTrue(other.summary().conservationOk(), other::text);
    }

    @Test
    void textDoesNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String german = LiveStreamSimulation.run(LiveStreamSimulation.DEFAULT_SEED).text();
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            String arabic = LiveStreamSimulation.run(LiveStreamSimulation.DEFAULT_SEED).text();
            assertEquals(report.text(), german);
            assertEquals(report.text(), arabic);
        } finally {
            Locale.setDefault(before);
        }
        assertTrue(report.text().chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)),
                "summary should be plain ASCII");
        assertTrue(report.text().contains("USD 1,000.00"), "grouping and decimal point per Locale.ROOT");
    }

    @Test
    void giftFiguresAgree() {
        LiveStreamSummary s = report.summary();
        long giftCoins = s.giftCoins();
        assertTrue(giftCoins > 0);
        assertEquals(giftCoins, s.creator().coinsReceived(), "gift coins = coins the creator received");
        long diamonds = s.gifts().stream().mapToLong(LiveStreamSummary.GiftLine::diamonds).sum();
        assertEquals(s.creator().diamondsEarned(), diamonds);
        // reference ratio 1:1
        assertEquals(giftCoins, s.creator().diamondsEarned());
        for (LiveStreamSummary.GiftLine g : s.gifts()) {
            assertEquals(g.price() * g.quantity(), g.coins(), g.giftId());
            assertTrue(g.sends() >= 1 && g.quantity() >= g.sends(), g.giftId());
        }
        assertTrue(s.gifts().size() >= 10, "a realistic mix of gift types, got " + s.gifts().size());
        assertEquals(giftCoins, s.currencies().stream().mapToLong(LiveStreamSummary.CurrencyLine::coinsGifted).sum());
        assertTrue(giftCoins <= s.coinsSold());
    }

    @Test
    void packFiguresAgree() {
        LiveStreamSummary s = report.summary();
        long sold = 0;
        Set<String> currencies = new HashSet<>();
        for (LiveStreamSummary.PackLine p : s.packs()) {
            assertEquals(p.price().multipliedBy(p.sold()), p.revenue(), p.packId());
            currencies.add(p.price().currency().getCurrencyCode());
            sold += p.sold();
        }
        assertEquals(Set.of("USD", "GBP"), currencies);
        assertTrue(s.packs().stream().filter(p -> p.sold() > 0).count() >= 6, "a realistic mix of packs");
        assertEquals(s.coinsSold(), s.currencies().stream().mapToLong(LiveStreamSummary.CurrencyLine::coinsSold).sum());
        for (LiveStreamSummary.CurrencyLine c : s.currencies()) {
            Money revenue = s.packs().stream().filter(p -> p.price().currency().equals(c.currency()))
                    .map(LiveStreamSummary.PackLine::revenue).reduce(Money::plus).orElseThrow();
            assertEquals(revenue, c.revenue());
            if (c.currency().getCurrencyCode().equals("USD")) {
                assertEquals(c.revenue().amount().subtract(c.creatorValue()), c.kept());
            } else {
                assertNull(c.kept(), "revenue in another currency than the payout's is not netted");
            }
        }
        assertEquals(500, s.viewers());
        assertTrue(s.buyers() > 100 && s.buyers() <= 500);
        assertTrue(sold >= s.buyers());
        assertEquals(s.requests().accepted(), sold + s.gifts().stream().mapToInt(LiveStreamSummary.GiftLine::sends)
                .sum() + s.withdrawals().size());
    }

    @Test
    void withdrawalsRespectThePolicy() {
        LiveStreamSummary s = report.summary();
        PayoutPolicy payout = s.policy().payout();
        LiveStreamSummary.CreatorLine c = s.creator();
        assertEquals(c.diamondsEarned(), c.diamondsWithdrawn() + c.diamondsHeld());
        assertFalse(s.withdrawals().isEmpty());
        Money paid = Money.zero(payout.diamondValue().currency());
        Set<LocalDate> days = new HashSet<>();
        long withdrawn = 0;
        for (WithdrawalReceipt w : s.withdrawals()) {
            assertTrue(days.add(LocalDate.ofInstant(w.instant(), payout.dayZone())), "one withdrawal a day");
            assertFalse(w.payout().isLessThan(payout.minimum()), w.toString());
            assertFalse(w.payout().isGreaterThan(payout.dailyLimit()), w.toString());
            assertTrue(payout.diamondValue().isPayable(w.diamondsDebited().amount()), w.toString());
            assertEquals(payout.diamondValue().floorValue(w.diamondsDebited().amount()), w.payout());
            paid = paid.plus(w.payout());
            withdrawn += w.diamondsDebited().amount();
        }
        assertEquals(paid, c.paid());
        assertEquals(withdrawn, c.diamondsWithdrawn());
        // the creator took what they could: what is left is below the minimum or not payable
        assertTrue(payout.diamondValue().floorValue(c.diamondsHeld()).isLessThan(payout.minimum()));
        // the value of everything earned = cash paid + value still held, exactly
        assertEquals(0, c.earnedValue().compareTo(c.paid().amount().add(c.heldValue())));
        // earned more than one day's limit, so the daily limit shows: first payout is exactly the limit
        assertTrue(c.earnedValue().compareTo(payout.dailyLimit().amount()) > 0);
        assertEquals(payout.dailyLimit(), s.withdrawals().get(0).payout());
        assertTrue(s.withdrawals().get(0).instant().isAfter(s.start().plus(s.length())));
    }

    @Test
    void rejectionsAndRetriesHappenNaturally() {
        LiveStreamSummary s = report.summary();
        assertTrue(s.rejections().getOrDefault(RejectionCode.INSUFFICIENT_COINS, 0) > 0);
        assertEquals(Set.of(RejectionCode.INSUFFICIENT_COINS), s.rejections().keySet(),
                "no conflicts or limit breaches: the host follows the rules");
        LiveStreamSummary.Requests r = s.requests();
        assertTrue(r.duplicates() > 0);
        assertEquals(r.duplicates(), r.duplicatesEqual(), "every duplicate returned the original receipt");
        assertTrue(r.resentAfterTopUp() > 0 && r.resentAccepted() > 0);
        assertTrue(r.resentAccepted() <= r.resentAfterTopUp());
        assertEquals(r.sent(), r.accepted() + r.duplicates() + s.rejected());
    }

    @Test
    void topGiftersAreRankedByCoins() {
        LiveStreamSummary s = report.summary();
        assertEquals(5, s.topGifters().size());
        for (int i = 0; i < 5; i++) {
            LiveStreamSummary.GifterLine g = s.topGifters().get(i);
            assertEquals(i + 1, g.rank());
            if (i > 0) {
                assertTrue(s.topGifters().get(i - 1).coins() >= g.coins());
            }
        }
        long top = s.topGifters().get(0).coins();
        assertTrue(top <= s.giftCoins());
        assertTrue(report.text().contains(s.topGifters().get(0).user().value()));
    }

    @Test
    void smallerStreamAlsoConserves() {
        LiveStreamSimulation.Settings settings = new LiveStreamSimulation.Settings(5, 40, Duration.ofMinutes(10),
                Instant.parse("2026-12-31T23:55:00Z"));
        LiveStreamReport small = LiveStreamSimulation.run(settings, message -> { });
        assertTrue(small.summary().conservationOk(), small::text);
        assertEquals(40, small.summary().viewers());
        assertEquals(BigDecimal.ZERO.compareTo(small.summary().creator().earnedValue()
                .subtract(small.summary().creator().paid().amount()).subtract(small.summary().creator().heldValue())),
                0);
    }

    @Test
    void mainPrintsTheReport() {
        PrintStream before = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            LiveStreamExample.main(new String[] {Long.toString(LiveStreamSimulation.DEFAULT_SEED)});
        } finally {
            System.setOut(before);
        }
        assertEquals(report.text(), bytes.toString(StandardCharsets.UTF_8));
    }
}
