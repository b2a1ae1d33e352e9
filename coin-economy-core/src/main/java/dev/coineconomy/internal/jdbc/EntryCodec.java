package dev.coineconomy.internal.jdbc;

import dev.coineconomy.Channel;
import dev.coineconomy.ChargebackReceipt;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.GrantReceipt;
import dev.coineconomy.PayoutFailedReceipt;
import dev.coineconomy.PayoutSettledReceipt;
import dev.coineconomy.RefundReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.store.LedgerStoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Locale;

/**
 * Maps receipts to the columns of {@code ce_entries} and postings to {@code ce_postings}, and back. The only
 * place that knows the column layout of a receipt kind; a round trip gives an {@code equals} receipt.
 */
public final class EntryCodec {

    /** The columns of {@code ce_entries}, in binding order. */
    static final String COLUMNS = "sequence, request_id, kind, recorded_second, recorded_nano, catalog_version,"
            + " policy_version, user_a, user_b, item, region, channel, quantity, coins, diamonds, money_minor,"
            + " currency, stream_id, reference_request, reason";

    /** The insert of one entry row. */
    static final String INSERT_ENTRY = "INSERT INTO ce_entries (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The insert of one posting row. */
    static final String INSERT_POSTING =
            "INSERT INTO ce_postings (sequence, line, account_type, owner, unit, amount) VALUES (?, ?, ?, ?, ?, ?)";

    /** The posting columns, in reading order. */
    static final String POSTING_COLUMNS = "p.sequence, p.line, p.account_type, p.owner, p.unit, p.amount";

    static final String PURCHASE = "PURCHASE";
    static final String GIFT = "GIFT";
    static final String WITHDRAWAL = "WITHDRAWAL";
    static final String GRANT = "GRANT";
    static final String REFUND = "REFUND";
    static final String CHARGEBACK = "CHARGEBACK";
    static final String PAYOUT_SETTLED = "PAYOUT_SETTLED";
    static final String PAYOUT_FAILED = "PAYOUT_FAILED";

    private EntryCodec() {
    }

    /**
     * Binds a receipt to {@link #INSERT_ENTRY}.
     *
     * @param ps the statement
     * @param r  the receipt
     * @throws SQLException if binding fails
     */
    static void bind(PreparedStatement ps, Receipt r) throws SQLException {
        Object[] row = encode(r);
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                ps.setNull(i + 1, TYPES[i]);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) v);
            }
        }
    }

    /** @return the number of columns of {@link #COLUMNS} */
    static int columnCount() {
        return TYPES.length;
    }

    private static final int[] TYPES = {
        Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
        Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    /**
     * The column values of a receipt, in {@link #COLUMNS} order ({@code Long}, {@code Integer}, {@code String}
     * or {@code null}).
     *
     * @param r the receipt
     * @return the values
     */
    public static Object[] encode(Receipt r) {
        Object[] row = new Object[TYPES.length];
        row[0] = r.sequence();
        row[1] = r.requestId().value();
        row[3] = r.instant().getEpochSecond();
        row[4] = r.instant().getNano();
        row[5] = r.catalogVersion();
        row[6] = r.policyVersion();
        if (r instanceof PurchaseReceipt p) {
            row[2] = PURCHASE;
            row[7] = p.user().value();
            row[9] = p.packId();
            row[10] = p.region().code();
            row[11] = p.channel().name();
            row[13] = p.coins().amount();
            row[15] = p.price().toMinorUnits();
            row[16] = p.price().currency().getCurrencyCode();
        } else if (r instanceof GiftReceipt g) {
            row[2] = GIFT;
            row[7] = g.sender().value();
            row[8] = g.creator().value();
            row[9] = g.giftId();
            row[12] = g.quantity();
            row[13] = g.coinsSpent().amount();
            row[14] = g.diamondsCredited().amount();
            row[11] = g.context().name(); // the gift's context shares the channel column
            row[17] = g.stream() == null ? null : g.stream().value();
        } else if (r instanceof WithdrawalReceipt w) {
            row[2] = WITHDRAWAL;
            row[7] = w.creator().value();
            row[14] = w.diamondsDebited().amount();
            row[15] = w.payout().toMinorUnits();
            row[16] = w.payout().currency().getCurrencyCode();
        } else if (r instanceof GrantReceipt g) {
            row[2] = GRANT;
            row[7] = g.user().value();
            row[13] = g.coins().amount();
            row[19] = g.reason();
        } else if (r instanceof RefundReceipt f) {
            row[2] = REFUND;
            row[7] = f.user().value();
            row[13] = f.coinsRemoved().amount();
            row[15] = f.refunded().toMinorUnits();
            row[16] = f.refunded().currency().getCurrencyCode();
            row[18] = f.purchase().value();
        } else if (r instanceof ChargebackReceipt c) {
            row[2] = CHARGEBACK;
            row[7] = c.user().value();
            row[12] = c.coinsOwed().amount();
            row[13] = c.coinsRemoved().amount();
            row[14] = c.clawedBack().amount();
            row[15] = c.chargedBack().toMinorUnits();
            row[16] = c.chargedBack().currency().getCurrencyCode();
            row[18] = c.purchase().value();
        } else if (r instanceof PayoutSettledReceipt p) {
            row[2] = PAYOUT_SETTLED;
            row[7] = p.creator().value();
            row[14] = p.diamonds().amount();
            row[15] = p.paid().toMinorUnits();
            row[16] = p.paid().currency().getCurrencyCode();
            row[18] = p.withdrawal().value();
        } else if (r instanceof PayoutFailedReceipt p) {
            row[2] = PAYOUT_FAILED;
            row[7] = p.creator().value();
            row[14] = p.diamonds().amount();
            row[15] = p.amount().toMinorUnits();
            row[16] = p.amount().currency().getCurrencyCode();
            row[18] = p.withdrawal().value();
            row[19] = p.reason();
        } else {
            throw new IllegalArgumentException("no column mapping for receipt " + r.getClass().getName());
        }
        return row;
    }

    /**
     * Reads the receipt of the current row of a result set selecting {@link #COLUMNS}.
     *
     * @param rs the result set
     * @return the receipt
     * @throws SQLException if reading fails
     */
    static Receipt read(ResultSet rs) throws SQLException {
        Object[] row = new Object[TYPES.length];
        for (int i = 0; i < row.length; i++) {
            switch (TYPES[i]) {
                case Types.BIGINT -> {
                    long v = rs.getLong(i + 1);
                    row[i] = rs.wasNull() ? null : v;
                }
                case Types.INTEGER -> {
                    int v = rs.getInt(i + 1);
                    row[i] = rs.wasNull() ? null : v;
                }
                default -> row[i] = rs.getString(i + 1);
            }
        }
        return decode(row);
    }

    /**
     * The receipt of column values in {@link #COLUMNS} order.
     *
     * @param row the values
     * @return the receipt
     * @throws LedgerStoreException if the row's kind is unknown to this library or a value is invalid
     */
    public static Receipt decode(Object[] row) {
        long sequence = (Long) row[0];
        String kind = (String) row[2];
        try {
            RequestId requestId = RequestId.of((String) row[1]);
            Instant instant = Instant.ofEpochSecond((Long) row[3], (Integer) row[4]);
            String catalogVersion = (String) row[5];
            String policyVersion = (String) row[6];
            switch (kind) {
                case PURCHASE:
                    return new PurchaseReceipt(requestId, sequence, instant, UserId.of((String) row[7]),
                            (String) row[9], Region.of((String) row[10]), Channel.valueOf((String) row[11]),
                            Coins.of((Long) row[13]), Money.ofMinor((String) row[16], (Long) row[15]),
                            catalogVersion, policyVersion);
                case GIFT:
                    return new GiftReceipt(requestId, sequence, instant, UserId.of((String) row[7]),
                            UserId.of((String) row[8]), (String) row[9], (Long) row[12], Coins.of((Long) row[13]),
                            Diamonds.of((Long) row[14]), catalogVersion, policyVersion,
                            dev.coineconomy.catalog.GiftContext.valueOf((String) row[11]),
                            row[17] == null ? null : dev.coineconomy.stream.StreamId.of((String) row[17]));
                case WITHDRAWAL:
                    return new WithdrawalReceipt(requestId, sequence, instant, UserId.of((String) row[7]),
                            Diamonds.of((Long) row[14]), Money.ofMinor((String) row[16], (Long) row[15]),
                            catalogVersion, policyVersion);
                case GRANT:
                    return new GrantReceipt(requestId, sequence, instant, UserId.of((String) row[7]),
                            Coins.of((Long) row[13]), (String) row[19], catalogVersion, policyVersion);
                case REFUND:
                    return new RefundReceipt(requestId, sequence, instant, UserId.of((String) row[7]),
                            RequestId.of((String) row[18]), Coins.of((Long) row[13]),
                            Money.ofMinor((String) row[16], (Long) row[15]), catalogVersion, policyVersion);
                case CHARGEBACK:
                    return new ChargebackReceipt(requestId, sequence, instant, UserId.of((String) row[7]),
                            RequestId.of((String) row[18]), Coins.of((Long) row[13]),
                            Money.ofMinor((String) row[16], (Long) row[15]), Coins.of((Long) row[12]),
                            Diamonds.of((Long) row[14]), catalogVersion, policyVersion);
                case PAYOUT_SETTLED:
                    return new PayoutSettledReceipt(requestId, sequence, instant, UserId.of((String) row[7]),
                            RequestId.of((String) row[18]), Diamonds.of((Long) row[14]),
                            Money.ofMinor((String) row[16], (Long) row[15]), catalogVersion, policyVersion);
                case PAYOUT_FAILED:
                    return new PayoutFailedReceipt(requestId, sequence, instant, UserId.of((String) row[7]),
                            RequestId.of((String) row[18]), Diamonds.of((Long) row[14]),
                            Money.ofMinor((String) row[16], (Long) row[15]), (String) row[19],
                            catalogVersion, policyVersion);
                default:
                    throw new LedgerStoreException(String.format(Locale.ROOT,
                            "journal entry %d has kind '%s', unknown to this version of coin-economy; upgrade it",
                            sequence, kind));
            }
        } catch (RuntimeException e) {
            if (e instanceof LedgerStoreException) {
                throw e;
            }
            throw new LedgerStoreException(String.format(Locale.ROOT,
                    "journal entry %d (kind %s) cannot be read: %s", sequence, kind, e), e);
        }
    }

    /**
     * Binds one posting to {@link #INSERT_POSTING}.
     *
     * @param ps       the statement
     * @param sequence the entry's sequence
     * @param line     the posting's index in the entry, from 0
     * @param p        the posting
     * @throws SQLException if binding fails
     */
    static void bind(PreparedStatement ps, long sequence, int line, Posting p) throws SQLException {
        ps.setLong(1, sequence);
        ps.setInt(2, line);
        ps.setString(3, p.account().type().name());
        if (p.account().owner() == null) {
            ps.setNull(4, Types.VARCHAR);
        } else {
            ps.setString(4, p.account().owner().value());
        }
        ps.setString(5, p.unit().code());
        ps.setLong(6, p.amount());
    }

    /**
     * Reads a posting from a row selecting {@link #POSTING_COLUMNS} (columns 3 to 6).
     *
     * @param rs the result set
     * @return the posting
     * @throws SQLException if reading fails
     */
    static Posting readPosting(ResultSet rs) throws SQLException {
        return new Posting(account(rs.getString(3), rs.getString(4)), new Unit(rs.getString(5)), rs.getLong(6));
    }

    /**
     * @param type  the account type's name
     * @param owner the owner, {@code null} for platform accounts
     * @return the account
     */
    static AccountRef account(String type, String owner) {
        return new AccountRef(AccountType.valueOf(type), owner == null ? null : UserId.of(owner));
    }
}
