package dev.coineconomy.examples;

import dev.coineconomy.RejectionCode;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.PayoutPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
     * Renders the summary.
     *
     * @param s the summary
     * @return the text, ending with the conservation verdict line
     */
    public static String render(LiveStreamSummary s) {
        Objects.requireNonNull(s, "s");
        PayoutPolicy payout = s.policy().payout();
        StringBuilder out = new StringBuilder();
        Instant end = s.start().plus(s.length());
        out.append(String.format(Locale.ROOT, "Live stream of %s, seed %d\n", s.creator().user(), s.seed()));
        out.append(String.format(Locale.ROOT, "%s%s to %s (%d min), %s viewers: %s bought coins, %s sent gifts\n",
                INDENT, s.start(), end, s.length().toMinutes(), count(s.viewers()), count(s.buyers()),
                count(s.gifters())));
        out.append(String.format(Locale.ROOT, "%spolicy %s: %s diamond per coin, 1 diamond = %s;"
                        + " withdrawals from %s, at most %s per calendar day in zone %s\n", INDENT,
                s.policy().version(), s.policy().conversion().diamondsPerCoin(),
                money(payout.diamondValue().currency(), Payouts.exactValue(payout.diamondValue(), 1)),
                money(payout.minimum()), money(payout.dailyLimit()), payout.dayZone().getId()));

        section(out, "Coin packs sold");
        TextTable packs = new TextTable("pack", "region", "channel", "price>", "sold>", "coins>", "revenue>");
        for (LiveStreamSummary.PackLine p : s.packs()) {
            packs.row(p.packId(), p.region(), p.channel(), money(p.price()), count(p.sold()), count(p.coins()),
                    money(p.revenue()));
        }
        Map<String, long[]> soldPerCurrency = new TreeMap<>();
        Map<String, Money> revenuePerCurrency = new TreeMap<>();
        for (LiveStreamSummary.PackLine p : s.packs()) {
            String code = p.price().currency().getCurrencyCode();
            long[] t = soldPerCurrency.computeIfAbsent(code, k -> new long[2]);
            t[0] += p.sold();
            t[1] += p.coins();
            revenuePerCurrency.merge(code, p.revenue(), Money::plus);
        }
        soldPerCurrency.forEach((code, t) -> packs.total("total " + code, "", "", "", count(t[0]), count(t[1]),
                money(revenuePerCurrency.get(code))));
        out.append(packs.render(INDENT));

        section(out, "Gifts to " + s.creator().user());
        TextTable gifts = new TextTable("gift", "name", "price>", "sends>", "quantity>", "coins>", "diamonds>");
        long sends = 0;
        long quantity = 0;
        long diamonds = 0;
        for (LiveStreamSummary.GiftLine g : s.gifts()) {
            gifts.row(g.giftId(), g.name(), count(g.price()), count(g.sends()), count(g.quantity()),
                    count(g.coins()), count(g.diamonds()));
            sends += g.sends();
            quantity += g.quantity();
            diamonds += g.diamonds();
        }
        gifts.total("total", "", "", count(sends), count(quantity), count(s.giftCoins()), count(diamonds));
        out.append(gifts.render(INDENT));

        section(out, "Top " + s.topGifters().size() + " gifters");
        TextTable top = new TextTable("rank>", "viewer", "region", "sends>", "coins>");
        for (LiveStreamSummary.GifterLine g : s.topGifters()) {
            top.row(g.rank(), g.user(), g.region(), count(g.sends()), count(g.coins()));
        }
        out.append(top.render(INDENT));

        LiveStreamSummary.CreatorLine c = s.creator();
        Currency payoutCurrency = payout.diamondValue().currency();
        section(out, "Creator " + c.user());
        TextTable creator = new TextTable("", "diamonds>", "cash value>");
        creator.row("earned from " + count(c.coinsReceived()) + " coins", count(c.diamondsEarned()),
                money(payoutCurrency, c.earnedValue()));
        creator.row("withdrawn", count(c.diamondsWithdrawn()), money(c.paid()));
        creator.row("still held", count(c.diamondsHeld()), money(payoutCurrency, c.heldValue()));
        out.append(creator.render(INDENT));
        out.append(INDENT).append("still held: ").append(c.heldReason()).append('\n');

        section(out, "Withdrawals paid");
        TextTable paid = new TextTable("day", "at", "request", "diamonds>", "payout>");
        long withdrawn = 0;
        for (WithdrawalReceipt w : s.withdrawals()) {
            paid.row(LocalDate.ofInstant(w.instant(), payout.dayZone()), w.instant(), w.requestId(),
                    count(w.diamondsDebited().amount()), money(w.payout()));
            withdrawn += w.diamondsDebited().amount();
        }
        paid.total("total", "", count(s.withdrawals().size()) + " withdrawals", count(withdrawn), money(c.paid()));
        out.append(paid.render(INDENT));

        section(out, "Platform, per sales currency");
        TextTable platform = new TextTable("currency", "revenue>", "coins sold>", "coins gifted>",
                "creator value>", "kept (revenue - creator value)>");
        for (LiveStreamSummary.CurrencyLine l : s.currencies()) {
            platform.row(l.currency().getCurrencyCode(), money(l.revenue()), count(l.coinsSold()),
                    count(l.coinsGifted()), money(payoutCurrency, l.creatorValue()),
                    l.kept() == null ? "not netted: different currencies" : money(l.currency(), l.kept()));
        }
        out.append(platform.render(INDENT));
        for (String line : new String[] {
            "Each viewer pays in one currency, so the coins they gifted, and the creator value of those",
            "gifts, are attributed to it exactly. Creator value is owed in " + payoutCurrency.getCurrencyCode()
                    + " (paid, or still held as diamonds).",
            "The library has no exchange rate, so revenue in another currency is not netted against it.",
            "Coins sold but not yet gifted (" + count(s.coinsSold() - s.giftCoins())
                    + " in all) may still become creator value."}) {
            out.append(INDENT).append(line).append('\n');
        }

        section(out, "Requests");
        LiveStreamSummary.Requests r = s.requests();
        TextTable requests = new TextTable("", "count>");
        requests.row("commands sent (with duplicates and resends)", count(r.sent()));
        requests.row("accepted (journal entries)", count(r.accepted()));
        requests.row("rejected", count(s.rejected()));
        requests.row("duplicates delivered with the same request id", count(r.duplicates()));
        requests.row("  ... that returned the original receipt, journal unchanged", count(r.duplicatesEqual()));
        requests.row("gifts resent with the same id after a top-up", count(r.resentAfterTopUp()));
        requests.row("  ... that were then accepted", count(r.resentAccepted()));
        out.append(requests.render(INDENT));

        section(out, "Rejections by code");
        TextTable rejections = new TextTable("code", "count>");
        for (RejectionCode code : RejectionCode.values()) {
            Integer n = s.rejections().get(code);
            if (n != null) {
                rejections.row(code, count(n));
            }
        }
        rejections.total("total", count(s.rejected()));
        out.append(rejections.render(INDENT));

        section(out, "Conservation (from the journal and its trial balance)");
        TextTable checks = new TextTable("check", "expected>", "actual>", "result");
        for (LiveStreamSummary.Check check : s.checks()) {
            checks.row(check.name(), check.expected(), check.actual(), check.ok() ? "ok" : "FAILED");
        }
        out.append(checks.render(INDENT));
        out.append('\n').append("Conservation check: ").append(s.conservationOk() ? "OK" : "FAILED").append('\n');
        return out.toString();
    }

    private static void section(StringBuilder out, String title) {
        out.append('\n').append(title).append('\n');
    }
}
