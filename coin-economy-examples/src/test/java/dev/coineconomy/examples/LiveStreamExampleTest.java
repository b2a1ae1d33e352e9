package dev.coineconomy.examples;

import dev.coineconomy.ChargebackReceipt;
import dev.coineconomy.CoinEconomy;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.GrantReceipt;
import dev.coineconomy.PayoutFailedReceipt;
import dev.coineconomy.PayoutSettledReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.RefundReceipt;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.event.EconomyEvent;
import dev.coineconomy.finance.FinanceReport;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Payout;
import dev.coineconomy.ledger.PayoutState;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.IneligibilityReason;
import dev.coineconomy.policy.PayoutPolicy;
import dev.coineconomy.stream.GifterRank;
import dev.coineconomy.stream.StreamSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the live-stream example and checks its verdicts (conservation, audit, finance identities), its
 * leaderboard against a brute force over the journal, determinism and figures.
 */
class LiveStreamExampleTest {

    private static LiveStreamReport report;
    private static LiveStreamSimulation simulation;
    private static List<JournalEntry> journal;

    @BeforeAll
    static void runOnce() {
        simulation = new LiveStreamSimulation(LiveStreamSimulation.Settings.of(LiveStreamSimulation.DEFAULT_SEED));
        LiveStreamSummary summary = simulation.simulate(message -> { });
        report = new LiveStreamReport(summary, SummaryText.render(summary));
        journal = new ArrayList<>();
        CoinEconomy economy = simulation.economy();
        for (long from = 1; ; ) {
            List<JournalEntry> page = economy.journal(from, 1_000);
            journal.addAll(page);
            if (page.size() < 1_000) {
                break;
            }
            from = page.get(page.size() - 1).sequence() + 1;
        }
    }

    private static <T extends Receipt> List<T> receipts(Class<T> type) {
        List<T> out = new ArrayList<>();
        journal.forEach(e -> {
            if (type.isInstance(e.receipt())) {
                out.add(type.cast(e.receipt()));
            }
        });
        return out;
    }

    @Test
    void auditIsCleanAndPrinted() {
        LiveStreamSummary s = report.summary();
        assertTrue(s.auditClean(), () -> s.ledger().audit().toString());
        assertEquals(journal.size(), s.ledger().journalEntries());
        assertEquals(s.requests().accepted(), journal.size());
        assertTrue(report.text().contains(String.format(Locale.ROOT, "\nAudit: clean (%,d entries replayed)\n",
                journal.size())), report.text());
        assertTrue(simulation.economy().audit().isEmpty());
    }

    @Test
    void outputIsCompact() {
        long lines = report.text().lines().count();
        assertTrue(lines <= 80, "at most ~80 lines, got " + lines);
        for (String section : new String[] {"Eligibility (profile directory)", "Stream summary", "Finance report",
            "listener:", "refund ", "chargeback ", "restricted: "}) {
            assertTrue(report.text().contains(section), section);
        }
    }

    @Test
    void leaderboardEqualsABruteForceOverTheJournal() {
        StreamSummary stream = simulation.economy().streamSummary(simulation.streamId(), 5);
        assertEquals(stream, report.summary().stream());
        assertFalse(stream.live());
        // brute force: every gift of the stream in the journal, coins per sender, tie to the first to reach
        Map<UserId, long[]> bySender = new HashMap<>();
        long coins = 0;
        for (GiftReceipt g : receipts(GiftReceipt.class)) {
            if (simulation.streamId().equals(g.stream())) {
                long[] t = bySender.computeIfAbsent(g.sender(), k -> new long[2]);
                t[0] += g.coinsSpent().amount();
                t[1] = g.sequence();
                coins += g.coinsSpent().amount();
            }
        }
        List<Map.Entry<UserId, long[]>> ranked = new ArrayList<>(bySender.entrySet());
        ranked.sort(Comparator.comparingLong((Map.Entry<UserId, long[]> e) -> -e.getValue()[0])
                .thenComparingLong(e -> e.getValue()[1]));
        assertEquals(5, stream.leaderboard().size());
        for (int i = 0; i < 5; i++) {
            GifterRank rank = stream.leaderboard().get(i);
            assertEquals(i + 1, rank.rank());
            assertEquals(ranked.get(i).getKey(), rank.user(), "rank " + (i + 1));
            assertEquals(ranked.get(i).getValue()[0], rank.coins().amount(), "rank " + (i + 1));
            assertEquals(ranked.get(i).getValue()[1], rank.reachedSequence(), "rank " + (i + 1));
            assertTrue(report.text().contains(rank.user().value()));
        }
        assertEquals(coins, stream.coins().amount());
        assertEquals(bySender.size(), stream.distinctGifters());
        assertEquals(receipts(GiftReceipt.class).size(), stream.giftEntries(), "every gift went through the stream");
        assertTrue(report.text().contains("tallied from the gift receipts: yes"));
    }

    @Test
    void refusedViewersAreCountedByReasonAndNeverGift() {
        LiveStreamSummary s = report.summary();
        assertEquals(Map.of(IneligibilityReason.AGE, 2, IneligibilityReason.ACCOUNT_KIND, 2), s.notEligibleByReason());
        assertEquals(4, s.rejections().get(RejectionCode.NOT_ELIGIBLE));
        Set<UserId> refused = new HashSet<>();
        s.refusals().forEach(r -> refused.add(r.user()));
        for (GiftReceipt g : receipts(GiftReceipt.class)) {
            assertFalse(refused.contains(g.sender()), g.toString());
        }
        s.refusals().stream().filter(r -> r.reason() == IneligibilityReason.AGE).forEach(r ->
                assertTrue(receipts(PurchaseReceipt.class).stream().noneMatch(p -> p.user().equals(r.user()))));
        assertTrue(report.text().contains("NOT_ELIGIBLE - AGE 2, ACCOUNT_KIND 2"), report.text());
    }

    @Test
    void grantRefundAndChargebackHappen() {
        LiveStreamSummary.Ledger ledger = report.summary().ledger();
        assertEquals(3, ledger.grants().size());
        assertEquals(receipts(GrantReceipt.class), ledger.grants());
        RefundReceipt refund = ledger.refund();
        assertEquals(List.of(refund), receipts(RefundReceipt.class));
        PurchaseReceipt refunded = receipts(PurchaseReceipt.class).stream()
                .filter(p -> p.requestId().equals(refund.purchase())).findFirst().orElseThrow();
        assertEquals(refunded.price(), refund.refunded());
        assertEquals(refunded.coins(), refund.coinsRemoved(), "an unused purchase is refunded in full");
        ChargebackReceipt cb = ledger.chargeback();
        assertEquals(List.of(cb), receipts(ChargebackReceipt.class));
        assertTrue(cb.coinsOwed().amount() > 0, "NEGATIVE_BALANCE: the spent coins are owed");
        LiveStreamSummary.Restriction r = ledger.restriction();
        assertEquals(cb.user(), r.user());
        assertEquals(cb.coinsOwed(), r.wallet().coinsOwed());
        assertEquals(RejectionCode.ACCOUNT_RESTRICTED, r.giftRejection());
        assertEquals(r.wallet(), simulation.economy().wallet(r.user()));
    }

    @Test
    void listenerCountsEveryCommittedCommandByKind() {
        LiveStreamSummary.Ledger ledger = report.summary().ledger();
        Map<EconomyEvent.Kind, Long> expected = new EnumMap<>(EconomyEvent.Kind.class);
        journal.forEach(e -> expected.merge(EconomyEvent.of(e.receipt()).kind(), 1L, Long::sum));
        assertEquals(expected, ledger.events());
        assertEquals(EconomyEvent.Kind.values().length, ledger.events().size(), "every kind happens");
        assertEquals(journal.size(), ledger.eventCount());
        assertEquals(0, ledger.listenerFailures());
    }

    @Test
    void financeReportIdentitiesHoldAndMatchTheReceipts() {
        LiveStreamSummary s = report.summary();
        List<FinanceReport> reports = s.ledger().finance();
        assertEquals(List.of("GBP", "USD"), reports.stream().map(f -> f.currency().getCurrencyCode()).toList());
        assertEquals(reports, simulation.economy().financeReport(s.ledger().reportFrom(), s.ledger().reportTo()));
        for (FinanceReport f : reports) {
            assertEquals(List.of(), f.violations(), f.currency().toString());
            assertEquals(f.netSales(), f.grossSales().minus(f.refunds()).minus(f.chargebacks()).minus(f.storeFees())
                    .minus(f.tax()));
            assertEquals(f.margin(), f.recognizedRevenue().minus(f.creatorCost()).minus(f.promotionExpense())
                    .minus(f.chargebackLosses()));
            assertEquals(f.netSales(), f.deferredEnd().minus(f.deferredStart()).plus(f.margin())
                    .plus(f.creatorPayableEnd().minus(f.creatorPayableStart())).plus(f.payoutsPaid()));
            assertTrue(f.deferredStart().isZero() && f.creatorPayableStart().isZero(), "the period starts empty");
            Money gross = receipts(PurchaseReceipt.class).stream().map(PurchaseReceipt::price)
                    .filter(m -> m.currency().equals(f.currency())).reduce(Money::plus).orElseThrow();
            assertEquals(gross, f.grossSales());
        }
        FinanceReport usd = reports.get(1);
        Money paid = receipts(PayoutSettledReceipt.class).stream().map(PayoutSettledReceipt::paid)
                .reduce(Money::plus).orElseThrow();
        assertEquals(paid, usd.payoutsPaid());
        assertEquals(s.creator().paid(), usd.payoutsPaid());
        // nothing held: what the platform still owes the creator is the pending payout
        assertEquals(0, s.creator().diamondsHeld());
        assertEquals(s.creator().pending(), usd.creatorPayableEnd());
        assertTrue(usd.promotionExpense().isPositive(), "granted coins were gifted");
        assertTrue(usd.chargebackLosses().isPositive(), "the charged-back coins had been spent");
        assertEquals(s.ledger().chargeback().chargedBack(), usd.chargebacks());
        assertEquals(s.ledger().refund().refunded(), usd.refunds());
        assertTrue(report.text().contains("identities hold"));
    }

    @Test
    void conservationCheckPasses() {
        LiveStreamSummary s = report.summary();
        assertTrue(s.conservationOk(), () -> report.text());
        assertTrue(s.checks().size() >= 20, "expected the full set of checks, got " + s.checks().size());
        s.checks().forEach(c -> assertTrue(c.ok(), c.name() + ": expected " + c.expected() + ", got " + c.actual()));
        assertTrue(report.text().endsWith("\nConservation check: OK\n"), report.text());
        assertFalse(report.text().contains("\n  FAILED "), "no failed check is listed");
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
        assertTrue(other.summary().auditClean(), other::text);
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
        long granted = s.ledger().grants().stream().mapToLong(g -> g.coins().amount()).sum();
        assertTrue(giftCoins <= s.coinsSold() + granted);
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
        for (FinanceReport f : s.ledger().finance()) {
            Money revenue = s.packs().stream().filter(p -> p.price().currency().equals(f.currency()))
                    .map(LiveStreamSummary.PackLine::revenue).reduce(Money::plus).orElseThrow();
            assertEquals(revenue, f.grossSales());
        }
        assertEquals(s.coinsSold(), receipts(PurchaseReceipt.class).stream().mapToLong(p -> p.coins().amount()).sum());
        assertEquals(500, s.viewers());
        assertTrue(s.buyers() > 100 && s.buyers() <= 500);
        assertTrue(sold >= s.buyers());
        LiveStreamSummary.Ledger ledger = s.ledger();
        assertEquals(s.requests().accepted(), sold + s.gifts().stream().mapToInt(LiveStreamSummary.GiftLine::sends)
                .sum() + s.withdrawals().size() + ledger.grants().size() + 2
                + ledger.events().get(EconomyEvent.Kind.PAYOUT_SETTLED) + ledger.events().get(EconomyEvent.Kind.PAYOUT_FAILED));
    }

    @Test
    void withdrawalsRespectThePolicy() {
        LiveStreamSummary s = report.summary();
        PayoutPolicy payout = s.policy().payout();
        LiveStreamSummary.CreatorLine c = s.creator();
        assertEquals(c.diamondsEarned(), c.diamondsPaid() + c.diamondsPending() + c.diamondsHeld());
        assertFalse(s.withdrawals().isEmpty());
        Set<LocalDate> days = new HashSet<>();
        for (WithdrawalReceipt w : s.withdrawals()) {
            assertTrue(days.add(LocalDate.ofInstant(w.instant(), payout.dayZone())), "one withdrawal a day");
            assertFalse(w.payout().isLessThan(payout.minimum()), w.toString());
            assertFalse(w.payout().isGreaterThan(payout.dailyLimit()), w.toString());
            assertTrue(payout.diamondValue().isPayable(w.diamondsDebited().amount()), w.toString());
            assertEquals(payout.diamondValue().floorValue(w.diamondsDebited().amount()), w.payout());
        }
        // every withdrawal became a PENDING payout: the second failed, the last is still pending, the rest paid
        List<Payout> payouts = s.ledger().payouts();
        assertEquals(s.withdrawals().size(), payouts.size());
        assertTrue(payouts.size() >= 4, "payouts " + payouts);
        Money paid = Money.zero(payout.diamondValue().currency());
        long diamondsPaid = 0;
        for (int i = 0; i < payouts.size(); i++) {
            Payout p = payouts.get(i);
            assertEquals(s.withdrawals().get(i).requestId(), p.withdrawal());
            assertEquals(simulation.economy().payout(p.withdrawal()).orElseThrow(), p);
            PayoutState expected = i == 1 ? PayoutState.FAILED
                    : i == payouts.size() - 1 ? PayoutState.PENDING : PayoutState.PAID;
            assertEquals(expected, p.state(), p.toString());
            if (p.state() == PayoutState.PAID) {
                paid = paid.plus(p.amount());
                diamondsPaid += p.diamonds().amount();
            }
        }
        assertEquals(payouts.size() - 2, receipts(PayoutSettledReceipt.class).size());
        assertEquals(1, receipts(PayoutFailedReceipt.class).size());
        assertEquals(paid, c.paid());
        assertEquals(diamondsPaid, c.diamondsPaid());
        assertEquals(payouts.get(payouts.size() - 1).amount(), c.pending());
        assertTrue(report.text().contains("FAILED") && report.text().contains("PENDING"));
        // the creator took what they could: what is left is below the minimum or not payable
        assertTrue(payout.diamondValue().floorValue(c.diamondsHeld()).isLessThan(payout.minimum()));
        // the value of everything earned = cash paid + pending + value still held, exactly
        assertEquals(0, c.earnedValue().compareTo(c.paid().amount().add(c.pending().amount()).add(c.heldValue())));
        // earned more than one day's limit, so the daily limit shows: first payout is exactly the limit
        assertTrue(c.earnedValue().compareTo(payout.dailyLimit().amount()) > 0);
        assertEquals(payout.dailyLimit(), s.withdrawals().get(0).payout());
        assertTrue(s.withdrawals().get(0).instant().isAfter(s.start().plus(s.length())));
    }

    @Test
    void rejectionsAndRetriesHappenNaturally() {
        LiveStreamSummary s = report.summary();
        assertTrue(s.rejections().getOrDefault(RejectionCode.INSUFFICIENT_COINS, 0) > 0);
        assertEquals(Set.of(RejectionCode.INSUFFICIENT_COINS, RejectionCode.NOT_ELIGIBLE,
                        RejectionCode.ACCOUNT_RESTRICTED), s.rejections().keySet(),
                "no conflicts or limit breaches: the host follows the rules");
        assertEquals(1, s.rejections().get(RejectionCode.ACCOUNT_RESTRICTED), "the one gift after the chargeback");
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
        assertTrue(small.summary().auditClean(), small::text);
        assertEquals(40, small.summary().viewers());
        LiveStreamSummary.CreatorLine c = small.summary().creator();
        assertEquals(BigDecimal.ZERO.compareTo(c.earnedValue().subtract(c.paid().amount())
                .subtract(c.pending().amount()).subtract(c.heldValue())), 0);
        small.summary().ledger().finance().forEach(f -> assertEquals(List.of(), f.violations()));
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
