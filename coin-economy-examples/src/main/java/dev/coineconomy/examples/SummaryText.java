package dev.coineconomy.examples;

import dev.coineconomy.ChargebackReceipt;
import dev.coineconomy.RefundReceipt;
import dev.coineconomy.RequestId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.finance.FinanceReport;
import dev.coineconomy.ledger.Payout;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.PayoutPolicy;
import dev.coineconomy.profile.AccountKind;
import dev.coineconomy.profile.UserProfile;
import dev.coineconomy.stream.GifterRank;
import dev.coineconomy.stream.StreamSummary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders a {@link LiveStreamSummary} as aligned plain-text tables. Every number is formatted with
 * {@link Locale#ROOT}, so the text is the same whatever the default locale.
 */
public final class SummaryText {

    private static final String INDENT = "  ";

    private SummaryText() {
    }

    /**
     * Formats money as its currency code and amount with grouped digits, e.g. {@code USD 1,234.50}.
     *
     * @param money the money
     * @return the text
     */
    public static String money(Money money) {
        Objects.requireNonNull(money, "money");
        return money.currency().getCurrencyCode() + ' ' + amount(money.amount());
    }

    /**
     * Formats an exact amount with grouped digits and all of its decimals, e.g. {@code 2,345.675}.
     *
     * @param amount the amount
     * @return the text
     */
    public static String amount(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,." + Math.max(0, amount.scale()) + "f", amount);
    }

    private static String money(Currency currency, BigDecimal amount) {
        return currency.getCurrencyCode() + ' ' + amount(amount);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Renders the summary, compactly (about 70 lines).
     *
     * @param s the summary
     * @return the text, ending with the audit and conservation verdict lines
     */
    public static String render(LiveStreamSummary s) {
        Objects.requireNonNull(s, "s");
        PayoutPolicy payout = s.policy().payout();
        Currency payoutCurrency = payout.diamondValue().currency();
        StreamSummary st = s.stream();
        LiveStreamSummary.Ledger ledger = s.ledger();
        StringBuilder out = new StringBuilder();
        Instant end = s.start().plus(s.length());
        out.append(String.format(Locale.ROOT, "Live stream %s of %s, seed %d\n", st.streamId(), st.creator(),
                s.seed()));
        out.append(String.format(Locale.ROOT, "%s%s to %s (%d min), %s viewers: %s bought coins, %s sent gifts\n",
                INDENT, s.start(), end, s.length().toMinutes(), count(s.viewers()), count(s.buyers()),
                count(s.gifters())));
        out.append(String.format(Locale.ROOT, "%spolicy %s: %s diamond per coin, 1 diamond = %s;"
                        + " withdrawals from %s, at most %s per day (%s)\n", INDENT,
                s.policy().version(), s.policy().conversion().diamondsPerCoin(),
                money(payoutCurrency, Payouts.exactValue(payout.diamondValue(), 1)),
                money(payout.minimum()), money(payout.dailyLimit()),
                ZoneOffset.UTC.equals(payout.dayZone()) ? "UTC" : payout.dayZone().getId()));

        StringBuilder reasons = new StringBuilder();
        s.notEligibleByReason().forEach((reason, n) -> reasons.append(reasons.length() == 0 ? "" : ", ")
                .append(reason).append(' ').append(n));
        section(out, "Eligibility (profile directory): " + s.refusals().size() + " viewers refused NOT_ELIGIBLE"
                + (s.refusals().isEmpty() ? "" : " - " + reasons));
        if (!s.refusals().isEmpty()) {
            TextTable refused = new TextTable("viewer", "profile", "tried", "reason", "at");
            for (LiveStreamSummary.Refusal r : s.refusals()) {
                UserProfile p = r.profile();
                String who = p.accountKind() == AccountKind.PERSONAL
                        ? String.format(Locale.ROOT, "%s, age %d", p.region(),
                        p.birthDate().until(LocalDate.ofInstant(r.at(), ZoneOffset.UTC)).getYears())
                        : p.region() + ", " + p.accountKind();
                refused.row(r.user(), who, r.action(), r.reason(), r.at());
            }
            out.append(refused.render(INDENT));
        }

        section(out, "Coins");
        Map<String, long[]> soldPerCurrency = new TreeMap<>();
        for (LiveStreamSummary.PackLine p : s.packs()) {
            long[] t = soldPerCurrency.computeIfAbsent(p.price().currency().getCurrencyCode(), k -> new long[2]);
            t[0] += p.sold();
            t[1] += p.coins();
        }
        StringBuilder sold = new StringBuilder();
        soldPerCurrency.forEach((code, t) -> sold.append(sold.length() == 0 ? "" : "; ").append(code).append(' ')
                .append(count(t[0])).append(" packs, ").append(count(t[1])).append(" coins"));
        out.append(INDENT).append("sold: ").append(sold).append('\n');
        long granted = ledger.grants().stream().mapToLong(g -> g.coins().amount()).sum();
        out.append(String.format(Locale.ROOT, "%sgranted: %s promotional coins to %d viewers%s\n", INDENT,
                count(granted), ledger.grants().size(), ledger.grants().isEmpty() ? ""
                        : " (\"" + ledger.grants().get(0).reason() + "\")"));
        RefundReceipt refund = ledger.refund();
        if (refund != null) {
            out.append(String.format(Locale.ROOT, "%srefund %s: %s of %s, %s coins taken back (none used)\n",
                    INDENT, refund.purchase(), money(refund.refunded()), refund.user(),
                    count(refund.coinsRemoved().amount())));
        }
        ChargebackReceipt cb = ledger.chargeback();
        if (cb != null) {
            out.append(String.format(Locale.ROOT, "%schargeback %s: %s of %s, %s coins taken back, %s owed\n",
                    INDENT, cb.purchase(), money(cb.chargedBack()), cb.user(), count(cb.coinsRemoved().amount()),
                    count(cb.coinsOwed().amount())));
        }
        LiveStreamSummary.Restriction r = ledger.restriction();
        if (r != null) {
            out.append(String.format(Locale.ROOT, "%srestricted: %s holds %s coins and owes %s; a gift -> %s\n",
                    INDENT, r.user(), count(r.wallet().coins().amount()), count(r.wallet().coinsOwed().amount()),
                    r.giftRejection() == null ? "accepted" : r.giftRejection()));
        }

        section(out, String.format(Locale.ROOT, "Stream summary (%s): %s gift commands, %s gifts of %d types,"
                        + " %s coins -> %s diamonds, %s gifters", st.live() ? "live" : "ended " + st.endedAt(),
                count(st.giftEntries()), count(st.giftQuantity()), st.giftsById().size(), count(st.coins().amount()),
                count(st.diamonds().amount()), count(st.distinctGifters())));
        TextTable top = new TextTable("rank>", "viewer", "coins>", "reached at", "journal seq>");
        for (GifterRank g : st.leaderboard()) {
            top.row(g.rank(), g.user(), count(g.coins().amount()), g.reachedAt(), count(g.reachedSequence()));
        }
        out.append(top.render(INDENT));
        out.append(INDENT).append("leaderboard = top ").append(s.topGifters().size())
                .append(" tallied from the gift receipts: ").append(leaderboardAgrees(s) ? "yes" : "NO").append('\n');

        LiveStreamSummary.CreatorLine c = s.creator();
        section(out, "Creator " + c.user() + " and payouts");
        TextTable creator = new TextTable("", "diamonds>", "cash value>");
        creator.row("earned from " + count(c.coinsReceived()) + " coins", count(c.diamondsEarned()),
                money(payoutCurrency, c.earnedValue()));
        creator.row("paid (settled payouts)", count(c.diamondsPaid()), money(c.paid()));
        creator.row("pending payouts", count(c.diamondsPending()), money(c.pending()));
        creator.row("still held", count(c.diamondsHeld()), money(payoutCurrency, c.heldValue()));
        out.append(creator.render(INDENT));
        TextTable payouts = new TextTable("withdrawal", "at", "diamonds>", "amount>", "state");
        Map<RequestId, WithdrawalReceipt> byId = new java.util.HashMap<>();
        s.withdrawals().forEach(w -> byId.put(w.requestId(), w));
        for (Payout p : ledger.payouts()) {
            payouts.row(p.withdrawal(), byId.get(p.withdrawal()).instant(), count(p.diamonds().amount()),
                    money(p.amount()), p.state());
        }
        out.append(payouts.render(INDENT));

        section(out, "Requests");
        LiveStreamSummary.Requests q = s.requests();
        out.append(String.format(Locale.ROOT, "%s%s sent, %s accepted (journal entries), %s rejected;"
                        + " %s duplicates returned the original receipt (of %s)\n", INDENT, count(q.sent()),
                count(q.accepted()), count(s.rejected()), count(q.duplicatesEqual()), count(q.duplicates())));
        out.append(String.format(Locale.ROOT, "%s%s gifts resent with the same id after a top-up, %s accepted\n",
                INDENT, count(q.resentAfterTopUp()), count(q.resentAccepted())));
        StringBuilder codes = new StringBuilder();
        s.rejections().forEach((code, n) -> codes.append(codes.length() == 0 ? "" : ", ").append(code).append(' ')
                .append(count(n)));
        out.append(INDENT).append("rejected: ").append(codes.length() == 0 ? "none" : codes).append('\n');
        StringBuilder events = new StringBuilder();
        ledger.events().forEach((kind, n) -> events.append(events.length() == 0 ? "" : ", ").append(kind).append(' ')
                .append(count(n)));
        out.append(String.format(Locale.ROOT, "%slistener: %s events (%s); %d listener failures\n", INDENT,
                count(ledger.eventCount()), events, ledger.listenerFailures()));

        section(out, "Finance report " + ledger.reportFrom() + " to " + ledger.reportTo());
        List<FinanceReport> reports = ledger.finance();
        String[] headers = new String[reports.size() + 1];
        headers[0] = "";
        for (int i = 0; i < reports.size(); i++) {
            headers[i + 1] = reports.get(i).currency().getCurrencyCode() + ">";
        }
        TextTable finance = new TextTable(headers);
        financeRow(finance, reports, "gross sales", FinanceReport::grossSales);
        financeRow(finance, reports, "- refunds", FinanceReport::refunds);
        financeRow(finance, reports, "- chargebacks", FinanceReport::chargebacks);
        financeRow(finance, reports, "- store fees", FinanceReport::storeFees);
        financeRow(finance, reports, "- tax", FinanceReport::tax);
        financeRow(finance, reports, "= net sales", FinanceReport::netSales);
        financeRow(finance, reports, "recognized revenue", FinanceReport::recognizedRevenue);
        financeRow(finance, reports, "- creator cost", FinanceReport::creatorCost);
        financeRow(finance, reports, "- promotion expense", FinanceReport::promotionExpense);
        financeRow(finance, reports, "- chargeback losses", FinanceReport::chargebackLosses);
        financeRow(finance, reports, "= margin", FinanceReport::margin);
        financeRow(finance, reports, "deferred revenue at end", FinanceReport::deferredEnd);
        financeRow(finance, reports, "creator payable at end", FinanceReport::creatorPayableEnd);
        financeRow(finance, reports, "payouts paid", FinanceReport::payoutsPaid);
        out.append(finance.render(INDENT));
        List<String> violations = new ArrayList<>();
        reports.forEach(f -> f.violations().forEach(v -> violations.add(f.currency().getCurrencyCode() + ": " + v)));
        out.append(INDENT).append(violations.isEmpty()
                ? "identities hold: net = deferred change + margin + payable change + payouts paid"
                : "identities BROKEN:").append('\n');
        out.append(INDENT).append("creator cost, promotion expense, payable and payouts are in ")
                .append(payoutCurrency.getCurrencyCode()).append(", the payout currency; nothing is converted\n");
        violations.forEach(v -> out.append(INDENT).append(INDENT).append(v).append('\n'));

        out.append('\n');
        if (ledger.audit().isEmpty()) {
            out.append("Audit: clean (").append(count(ledger.journalEntries())).append(" entries replayed)\n");
        } else {
            out.append("Audit: ").append(ledger.audit().size()).append(" findings\n");
            ledger.audit().forEach(f -> out.append(INDENT).append(f).append('\n'));
        }
        for (LiveStreamSummary.Check check : s.checks()) {
            if (!check.ok()) {
                out.append(INDENT).append("FAILED ").append(check.name()).append(": expected ")
                        .append(check.expected()).append(", got ").append(check.actual()).append('\n');
            }
        }
        out.append("Conservation check: ").append(s.conservationOk() ? "OK" : "FAILED").append('\n');
        return out.toString();
    }

    /** Whether the economy's leaderboard lists the same gifters and coins as the tally of the receipts. */
    static boolean leaderboardAgrees(LiveStreamSummary s) {
        List<GifterRank> board = s.stream().leaderboard();
        if (board.size() != s.topGifters().size()) {
            return false;
        }
        for (int i = 0; i < board.size(); i++) {
            LiveStreamSummary.GifterLine t = s.topGifters().get(i);
            GifterRank g = board.get(i);
            if (!g.user().equals(t.user()) || g.coins().amount() != t.coins() || g.reachedSequence() != t.reached()) {
                return false;
            }
        }
        return true;
    }

    private static void financeRow(TextTable table, List<FinanceReport> reports, String label,
                                   Function<FinanceReport, Money> amount) {
        Object[] cells = new Object[reports.size() + 1];
        cells[0] = label;
        for (int i = 0; i < reports.size(); i++) {
            cells[i + 1] = amount(amount.apply(reports.get(i)).amount());
        }
        table.row(cells);
    }

    private static void section(StringBuilder out, String title) {
        out.append('\n').append(title).append('\n');
    }
}
