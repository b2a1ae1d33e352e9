package dev.coineconomy.internal;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.finance.Lot;
import dev.coineconomy.finance.SaleSplit;
import dev.coineconomy.ledger.PayoutState;
import dev.coineconomy.money.Money;
import dev.coineconomy.store.StoreTransaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The finance state the commands keep per user in the store's {@linkplain StoreTransaction#putRecord
 * records} and {@linkplain StoreTransaction#counter counters}, and its text encoding. Every method needs
 * the user locked in the transaction.
 *
 * <ul>
 *   <li>record kind {@code lot}, key = the purchase's or grant's request id: a coin lot, oldest first
 *       (its coins, remaining coins, instant, sale split, and whether it was refunded or charged back);</li>
 *   <li>record kind {@code payout}, key = the withdrawal's request id: a payout and its state;</li>
 *   <li>record kind {@code held}, key = the gift's request id: diamonds on hold and when they are released
 *       (only with a positive {@code HoldPolicy});</li>
 *   <li>record kind {@code lotuse}, key = a per-user number: which creator received how many coins of which
 *       lot (only under the CLAWBACK chargeback policy, which needs it);</li>
 *   <li>counters {@code debt} (coins owed after a chargeback), {@code held} (diamonds on hold),
 *       {@code payout} (diamonds in pending payouts), {@code removed} (diamonds ever settled or clawed back)
 *       and {@code lotuses} (the number of lotuse records).</li>
 * </ul>
 * Values are {@code key=value} pairs separated by {@code ;}; ids are escaped ({@code %}, {@code ;},
 * {@code =}).
 */
public final class FinanceState {

    /** Record kind of coin lots. */
    public static final String LOT = "lot";
    /** Record kind of payouts. */
    public static final String PAYOUT = "payout";
    /** Record kind of held diamonds. */
    public static final String HELD = "held";
    /** Record kind of lot uses. */
    public static final String LOT_USE = "lotuse";
    /** Counter of coins owed. */
    public static final String DEBT = "debt";
    /** Counter of diamonds on hold. */
    public static final String HELD_DIAMONDS = "held";
    /** Counter of diamonds in pending payouts. */
    public static final String IN_PAYOUT = "payout";
    /** Counter of diamonds settled or clawed back. */
    public static final String REMOVED = "removed";
    /** Counter of lotuse records. */
    public static final String LOT_USES = "lotuses";

    private FinanceState() {
    }

    /** What became of a lot. */
    public enum LotStatus {
        /** Not reversed. */
        OPEN,
        /** Refunded. */
        REFUNDED,
        /** Charged back. */
        CHARGED_BACK
    }

    /**
     * A stored lot.
     *
     * @param lot       the lot
     * @param purchased when it was bought or granted
     * @param status    whether it was reversed
     */
    public record StoredLot(Lot lot, Instant purchased, LotStatus status) {

        /** @return the lot's key */
        public String key() {
            return lot.id().value();
        }
    }

    /**
     * A stored payout.
     *
     * @param withdrawal the withdrawal's request id
     * @param diamonds   the diamonds paid out
     * @param amount     their value
     * @param day        the calendar day whose cap counts it
     * @param state      its state
     */
    public record StoredPayout(RequestId withdrawal, long diamonds, Money amount, LocalDate day, PayoutState state) {
    }

    /**
     * Diamonds on hold from one gift.
     *
     * @param gift      the gift's request id
     * @param diamonds  diamonds still held
     * @param releaseAt when they become available
     */
    public record Held(String gift, long diamonds, Instant releaseAt) {
    }

    /**
     * Coins of one lot received by one creator.
     *
     * @param lot     the lot's key
     * @param creator the creator
     * @param coins   the coins
     */
    public record LotUse(String lot, UserId creator, long coins) {
    }

    // ---- lots --------------------------------------------------------------------------------------

    /**
     * @param tx   the transaction
     * @param user the user, locked
     * @return the user's lots, oldest first
     */
    public static List<StoredLot> lots(StoreTransaction tx, UserId user) {
        if (tx instanceof MemoryStore.RecordCache cache) {
            return cache.decodedRecords(user, LOT, StoredLot.class, FinanceState::decodeLot);
        }
        Map<String, String> rows = tx.records(user, LOT);
        List<StoredLot> out = new ArrayList<>(rows.size());
        rows.forEach((k, v) -> out.add(decodeLot(k, v)));
        return out;
    }

    /**
     * @param tx   the transaction
     * @param user the user, locked
     * @param key  the lot's key
     * @return the lot, if the user has it
     */
    public static Optional<StoredLot> lot(StoreTransaction tx, UserId user, String key) {
        return tx.record(user, LOT, key).map(v -> decodeLot(key, v));
    }

    /**
     * Stores a lot.
     *
     * @param tx   the transaction
     * @param user the user, locked
     * @param lot  the lot
     */
    public static void putLot(StoreTransaction tx, UserId user, StoredLot lot) {
        if (tx instanceof MemoryStore.RecordCache cache) {
            cache.putRecord(user, LOT, lot.key(), encodeLot(lot), lot); // decodeLot(encodeLot(lot)) equals lot
        } else {
            tx.putRecord(user, LOT, lot.key(), encodeLot(lot));
        }
    }

    static String encodeLot(StoredLot s) {
        Lot l = s.lot();
        StringBuilder b = new StringBuilder(80);
        b.append("c=").append(l.coins()).append(";r=").append(l.coinsRemaining())
                .append(";at=").append(s.purchased().getEpochSecond()).append('.').append(s.purchased().getNano())
                .append(";st=").append(s.status().name());
        l.saleSplit().ifPresent(sale -> b.append(saleText(sale)));
        return b.toString();
    }

    /** A decoded lot and the text it came from; immutable (safely published through final fields). */
    private static final class Decoded {
        final String key;
        final String value;
        final StoredLot lot;

        Decoded(String key, String value, StoredLot lot) {
            this.key = key;
            this.value = value;
            this.lot = lot;
        }
    }

    /**
     * Recently decoded lots, direct-mapped by the text's hash: a gift reads all of its sender's lots, and
     * most of them are unchanged since the last gift, so most decodes are a lookup.
     */
    private static final Decoded[] DECODED = new Decoded[4096];

    static StoredLot decodeLot(String key, String value) {
        int slot = (value.hashCode() * 31 + key.hashCode()) & (DECODED.length - 1);
        Decoded d = DECODED[slot];
        if (d != null && d.value.equals(value) && d.key.equals(key)) {
            return d.lot;
        }
        StoredLot lot = parseLot(key, value);
        DECODED[slot] = new Decoded(key, value, lot);
        return lot;
    }

    private static StoredLot parseLot(String key, String value) {
        // hand-rolled: a gift re-reads the lot it spends from on every gift, so no split, map or regex here
        long coins = -1;
        long remaining = -1;
        long second = 0;
        long nano = 0;
        boolean at = false;
        LotStatus status = null;
        int saleFrom = -1;
        int i = 0;
        int n = value.length();
        while (i < n) {
            int eq = value.indexOf('=', i);
            int end = value.indexOf(';', eq);
            if (end < 0) {
                end = n;
            }
            String name = value.substring(i, eq);
            switch (name) {
                case "c" -> coins = Long.parseLong(value, eq + 1, end, 10);
                case "r" -> remaining = Long.parseLong(value, eq + 1, end, 10);
                case "at" -> {
                    int dot = value.indexOf('.', eq);
                    second = Long.parseLong(value, eq + 1, dot, 10);
                    nano = Long.parseLong(value, dot + 1, end, 10);
                    at = true;
                }
                case "st" -> status = LotStatus.valueOf(value.substring(eq + 1, end));
                case "cur" -> saleFrom = i;
                default -> {
                    // g, f, t: read with the sale below
                }
            }
            if (saleFrom >= 0) {
                break; // the sale's fields come last
            }
            i = end + 1;
        }
        if (coins < 0 || remaining < 0 || !at || status == null) {
            throw new IllegalStateException("malformed lot record " + key + ": " + value);
        }
        SaleSplit sale = saleFrom < 0 ? null : sale(value.substring(saleFrom));
        Lot lot = new Lot(RequestId.of(key), coins, remaining, sale);
        return new StoredLot(lot, Instant.ofEpochSecond(second, nano), status);
    }

    /** A sale split and its text; immutable (safely published through final fields). */
    private static final class CachedSale {
        final String text;
        final SaleSplit sale;

        CachedSale(String text, SaleSplit sale) {
            this.text = text;
            this.sale = sale;
        }
    }

    /** A lot's sale split never changes: each distinct one is decoded and encoded once, not per gift. */
    private static final CachedSale[] SALES_BY_TEXT = new CachedSale[1024];
    private static final CachedSale[] SALES_BY_SPLIT = new CachedSale[1024];

    private static SaleSplit sale(String text) {
        int slot = text.hashCode() & (SALES_BY_TEXT.length - 1);
        CachedSale cached = SALES_BY_TEXT[slot];
        if (cached != null && cached.text.equals(text)) {
            return cached.sale;
        }
        Map<String, String> m = fields(text);
        SaleSplit sale = SaleSplit.ofMinor(Currency.getInstance(m.get("cur")), num(m, "g"), num(m, "f"), num(m, "t"));
        SALES_BY_TEXT[slot] = new CachedSale(text, sale);
        return sale;
    }

    private static String saleText(SaleSplit sale) {
        int slot = System.identityHashCode(sale) & (SALES_BY_SPLIT.length - 1);
        CachedSale cached = SALES_BY_SPLIT[slot];
        if (cached != null && cached.sale == sale) {
            return cached.text;
        }
        String text = ";cur=" + sale.currency().getCurrencyCode() + ";g=" + sale.gross().toMinorUnits()
                + ";f=" + sale.storeFee().toMinorUnits() + ";t=" + sale.tax().toMinorUnits();
        SALES_BY_SPLIT[slot] = new CachedSale(text, sale);
        return text;
    }

    // ---- payouts -------------------------------------------------------------------------------------

    /**
     * @param tx         the transaction
     * @param creator    the creator, locked
     * @param withdrawal the withdrawal's request id
     * @return the payout, if the creator has it
     */
    public static Optional<StoredPayout> payout(StoreTransaction tx, UserId creator, RequestId withdrawal) {
        return tx.record(creator, PAYOUT, withdrawal.value()).map(v -> {
            Map<String, String> m = fields(v);
            return new StoredPayout(withdrawal, num(m, "d"), Money.ofMinor(m.get("cur"), num(m, "m")),
                    LocalDate.parse(m.get("day")), PayoutState.valueOf(m.get("st")));
        });
    }

    /**
     * Stores a payout.
     *
     * @param tx      the transaction
     * @param creator the creator, locked
     * @param p       the payout
     */
    public static void putPayout(StoreTransaction tx, UserId creator, StoredPayout p) {
        tx.putRecord(creator, PAYOUT, p.withdrawal().value(), String.format(Locale.ROOT,
                "d=%d;m=%d;cur=%s;day=%s;st=%s", p.diamonds(), p.amount().toMinorUnits(),
                p.amount().currency().getCurrencyCode(), p.day(), p.state().name()));
    }

    // ---- held diamonds ---------------------------------------------------------------------------------

    /**
     * @param tx      the transaction
     * @param creator the creator, locked
     * @return the gifts with diamonds still held, oldest first
     */
    public static List<Held> held(StoreTransaction tx, UserId creator) {
        List<Held> out = new ArrayList<>();
        tx.records(creator, HELD).forEach((k, v) -> {
            Map<String, String> m = fields(v);
            long d = num(m, "d");
            if (d > 0) {
                out.add(new Held(k, d, Instant.ofEpochSecond(num(m, "rel"))));
            }
        });
        return out;
    }

    /**
     * Stores (or updates) the diamonds held from one gift.
     *
     * @param tx      the transaction
     * @param creator the creator, locked
     * @param h       the held diamonds
     */
    public static void putHeld(StoreTransaction tx, UserId creator, Held h) {
        // the release instant is rounded up to the second: held diamonds are never released early
        long rel = h.releaseAt().getEpochSecond() + (h.releaseAt().getNano() > 0 ? 1 : 0);
        tx.putRecord(creator, HELD, h.gift(), String.format(Locale.ROOT, "d=%d;rel=%d", h.diamonds(), rel));
    }

    // ---- lot uses --------------------------------------------------------------------------------------

    /**
     * Records that a creator received coins of a lot.
     *
     * @param tx     the transaction
     * @param sender the sender, locked
     * @param use    the use
     */
    public static void addLotUse(StoreTransaction tx, UserId sender, LotUse use) {
        long n = tx.counter(sender, LOT_USES) + 1;
        tx.addCounter(sender, LOT_USES, 1);
        tx.putRecord(sender, LOT_USE, Long.toString(n), "c=" + use.coins() + ";to=" + escape(use.creator().value())
                + ";lot=" + escape(use.lot()));
    }

    /**
     * @param tx     the transaction
     * @param sender the sender, locked
     * @param lot    the lot's key
     * @return the coins of the lot each creator received, in order of first use
     */
    public static Map<UserId, Long> lotUses(StoreTransaction tx, UserId sender, String lot) {
        Map<UserId, Long> out = new LinkedHashMap<>();
        for (String v : tx.records(sender, LOT_USE).values()) {
            Map<String, String> m = fields(v);
            if (m.get("lot").equals(lot)) {
                out.merge(UserId.of(m.get("to")), num(m, "c"), Math::addExact);
            }
        }
        return out;
    }

    // ---- encoding -------------------------------------------------------------------------------------

    static String escape(String s) {
        return s.replace("%", "%25").replace(";", "%3B").replace("=", "%3D");
    }

    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        return s.replace("%3D", "=").replace("%3B", ";").replace("%25", "%");
    }

    static Map<String, String> fields(String value) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            m.put(part.substring(0, eq), unescape(part.substring(eq + 1)));
        }
        return m;
    }

    private static long num(Map<String, String> m, String k) {
        return Long.parseLong(m.get(k));
    }
}
