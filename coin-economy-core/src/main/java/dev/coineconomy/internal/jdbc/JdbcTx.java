package dev.coineconomy.internal.jdbc;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.internal.EntryUsers;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.store.LedgerStoreException;
import dev.coineconomy.store.StoreConflictException;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.UserState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One attempt of a store transaction on one connection (autocommit off, READ COMMITTED).
 *
 * <p>Locked users' rows are read once ({@code SELECT ... FOR UPDATE}) and kept here; their new values are
 * written in one {@code UPDATE} per user just before commit ({@link #flush}). Credits to users this
 * transaction has not locked are inserted into {@code ce_credits} at flush: they take no lock on the user's
 * row. Locking a user moves the user's committed credits into the row.
 */
final class JdbcTx implements StoreTransaction {

    /** Locks a user's row and counts the user's waiting credits (so that most locks need no second query). */
    private static final String SELECT_USER_FOR_UPDATE = "SELECT u.coins, u.diamonds, u.coins_received,"
            + " (SELECT COUNT(*) FROM ce_credits c WHERE c.user_id = u.user_id AND NOT c.rolled)"
            + " FROM ce_users u WHERE u.user_id = ? FOR UPDATE";
    private static final String SELECT_CREDITS =
            "SELECT id, diamonds FROM ce_credits WHERE user_id = ? AND NOT rolled";
    /**
     * Marks a credit moved into its user's row. Not a delete: the rolled rows are deleted after commit
     * ({@link #deleteRolledCredits}), where a lost or repeated delete changes nothing, so a transaction
     * interrupted at any point can never have removed a credit it had not yet added to the row.
     */
    private static final String ROLL_CREDIT = "UPDATE ce_credits SET rolled = TRUE WHERE id = ? AND NOT rolled";
    private static final String DELETE_ROLLED = "DELETE FROM ce_credits WHERE user_id = ? AND rolled";
    private static final String INSERT_CREDIT = "INSERT INTO ce_credits (user_id, diamonds) VALUES (?, ?)";
    private static final String UPDATE_USER =
            "UPDATE ce_users SET coins = ?, diamonds = ?, coins_received = ? WHERE user_id = ?";
    private static final String SELECT_USER = "SELECT u.coins, u.diamonds + COALESCE((SELECT SUM(c.diamonds)"
            + " FROM ce_credits c WHERE c.user_id = u.user_id AND NOT c.rolled), 0), u.coins_received"
            + " FROM ce_users u WHERE u.user_id = ?";
    private static final String SELECT_CREDIT_SUM =
            "SELECT COUNT(*), COALESCE(SUM(diamonds), 0) FROM ce_credits WHERE user_id = ? AND NOT rolled";
    private static final String SELECT_COUNTER =
            "SELECT amount FROM ce_user_counters WHERE user_id = ? AND counter_key = ?";
    private static final String UPDATE_COUNTER =
            "UPDATE ce_user_counters SET amount = amount + ? WHERE user_id = ? AND counter_key = ?";
    private static final String INSERT_COUNTER =
            "INSERT INTO ce_user_counters (user_id, counter_key, amount) VALUES (?, ?, ?)";
    private static final String SELECT_SUPPLY_FOR_UPDATE = "SELECT coins_issued FROM ce_supply WHERE id = 1 FOR UPDATE";
    private static final String SELECT_SUPPLY = "SELECT coins_issued FROM ce_supply WHERE id = 1";
    private static final String UPDATE_SUPPLY = "UPDATE ce_supply SET coins_issued = ? WHERE id = 1";
    private static final String INSERT_ENTRY_USER = "INSERT INTO ce_entry_users (user_id, sequence) VALUES (?, ?)";
    private static final String SELECT_ENTRY = "SELECT " + EntryCodec.COLUMNS + " FROM ce_entries";
    private static final int MAX_KEY = 64;

    private final Connection c;
    private final Dialect dialect;
    /** Locked users: coins, diamonds, coins received, dirty (0/1), credits waiting when locked. */
    private final Map<UserId, long[]> locked = new HashMap<>(4);
    /** Users whose credits this transaction rolled into their rows (deleted after commit). */
    private final List<UserId> rolledUsers = new ArrayList<>(1);
    /** Credits to users not locked here, inserted at flush. */
    private final Map<UserId, Long> pendingCredits = new LinkedHashMap<>(2);
    private boolean appended;
    private boolean ended;

    /** PostgreSQL lock_timeout for row locks taken while another user's row is held, or {@code null}. */
    private final String secondLockTimeout;
    private boolean lockTimeoutSet;

    JdbcTx(Connection c, Dialect dialect, String secondLockTimeout) {
        this.c = c;
        this.dialect = dialect;
        this.secondLockTimeout = dialect == Dialect.POSTGRESQL ? secondLockTimeout : null;
    }

    // ---- errors -------------------------------------------------------------------------------------

    private RuntimeException failure(SQLException e, String what) {
        if (Dialect.isConflict(e)) {
            return new StoreConflictException(what + ": " + Dialect.describe(e), e);
        }
        return new LedgerStoreException(what + " failed: " + Dialect.describe(e), e);
    }

    private void open() {
        if (ended) {
            throw new IllegalStateException("the store transaction has ended; it must not escape its work");
        }
    }

    // ---- journal ------------------------------------------------------------------------------------

    @Override
    public Optional<JournalEntry> findEntry(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        open();
        try (PreparedStatement ps = c.prepareStatement(SELECT_ENTRY + " WHERE request_id = ?")) {
            ps.setString(1, requestId.value());
            List<dev.coineconomy.Receipt> receipts = receipts(ps);
            if (receipts.isEmpty()) {
                return Optional.empty();
            }
            long seq = receipts.get(0).sequence();
            return Optional.of(withPostings(receipts, "SELECT " + EntryCodec.POSTING_COLUMNS
                    + " FROM ce_postings p WHERE p.sequence BETWEEN ? AND ? ORDER BY p.sequence, p.line", null, seq, seq)
                    .get(0));
        } catch (SQLException e) {
            throw failure(e, "finding request " + requestId);
        }
    }

    @Override
    public JournalEntry append(RequestId requestId, LongFunction<JournalEntry> build) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(build, "entry");
        open();
        if (appended) {
            throw new IllegalStateException("a transaction appends one entry");
        }
        if (dialect == Dialect.POSTGRESQL) {
            return appendInOneStatement(requestId, build);
        }
        JournalEntry entry = buildAtNextSequence(requestId, build);
        long sequence = entry.sequence();
        try (PreparedStatement ps = c.prepareStatement(EntryCodec.INSERT_ENTRY)) {
            EntryCodec.bind(ps, entry.receipt());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Dialect.isUniqueViolation(e)) {
                throw new StoreConflictException("request id " + requestId + " was taken concurrently", e);
            }
            throw failure(e, "appending entry " + requestId);
        }
        try {
            try (PreparedStatement ps = c.prepareStatement(EntryCodec.INSERT_POSTING)) {
                List<Posting> postings = entry.postings();
                for (int i = 0; i < postings.size(); i++) {
                    EntryCodec.bind(ps, sequence, i, postings.get(i));
                    ps.addBatch();
                }
                if (!postings.isEmpty()) {
                    ps.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_ENTRY_USER)) {
                for (UserId u : EntryUsers.of(entry)) {
                    ps.setString(1, u.value());
                    ps.setLong(2, sequence);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw failure(e, "appending the postings of " + requestId);
        }
        appended = true;
        return entry;
    }

    /** Takes the next journal sequence and builds the entry for it (the builder needs the sequence). */
    private JournalEntry buildAtNextSequence(RequestId requestId, LongFunction<JournalEntry> build) {
        long sequence;
        try (PreparedStatement ps = c.prepareStatement(dialect.nextSequence()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            sequence = rs.getLong(1);
        } catch (SQLException e) {
            throw failure(e, "taking the next journal sequence");
        }
        JournalEntry entry = build.apply(sequence);
        if (entry.sequence() != sequence || !entry.requestId().equals(requestId)) {
            throw new IllegalStateException("entry " + entry.requestId() + "/" + entry.sequence()
                    + " built for " + requestId + "/" + sequence);
        }
        return entry;
    }

    /**
     * PostgreSQL: the write of a command in two round trips. The first takes the next sequence (the builder needs
     * it); the second inserts the entry, its postings and its user index rows, writes the locked users' changed
     * rows and inserts the pending credits, as one statement of data-modifying CTEs.
     */
    private JournalEntry appendInOneStatement(RequestId requestId, LongFunction<JournalEntry> build) {
        JournalEntry entry = buildAtNextSequence(requestId, build);
        long sequence = entry.sequence();
        List<Posting> postings = entry.postings();
        List<UserId> users = new ArrayList<>(EntryUsers.of(entry));
        List<Map.Entry<UserId, long[]>> dirty = new ArrayList<>(locked.size());
        for (Map.Entry<UserId, long[]> e : locked.entrySet()) {
            if (e.getValue()[3] != 0) {
                dirty.add(e);
            }
        }
        StringBuilder sql = new StringBuilder(512).append("WITH e AS (").append(EntryCodec.INSERT_ENTRY).append(')');
        if (!postings.isEmpty()) {
            sql.append(", p AS (INSERT INTO ce_postings (sequence, line, account_type, owner, unit, amount) VALUES ");
            for (int i = 0; i < postings.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            }
            sql.append(')');
        }
        if (!users.isEmpty()) {
            sql.append(", x AS (INSERT INTO ce_entry_users (user_id, sequence) VALUES ");
            for (int i = 0; i < users.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?)");
            }
            sql.append(')');
        }
        for (int i = 0; i < dirty.size(); i++) {
            sql.append(", u").append(i).append(" AS (UPDATE ce_users SET coins = ?, diamonds = ?, coins_received = ?"
                    + " WHERE user_id = ?)");
        }
        if (!pendingCredits.isEmpty()) {
            sql.append(", c AS (INSERT INTO ce_credits (user_id, diamonds) VALUES ");
            for (int i = 0; i < pendingCredits.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?)");
            }
            sql.append(')');
        }
        sql.append(" SELECT 1");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            EntryCodec.bind(ps, entry.receipt());
            int at = EntryCodec.columnCount() + 1;
            for (int i = 0; i < postings.size(); i++) {
                Posting p = postings.get(i);
                ps.setLong(at++, sequence);
                ps.setInt(at++, i);
                ps.setString(at++, p.account().type().name());
                if (p.account().owner() == null) {
                    ps.setNull(at++, java.sql.Types.VARCHAR);
                } else {
                    ps.setString(at++, p.account().owner().value());
                }
                ps.setString(at++, p.unit().code());
                ps.setLong(at++, p.amount());
            }
            for (UserId u : users) {
                ps.setString(at++, u.value());
                ps.setLong(at++, sequence);
            }
            for (Map.Entry<UserId, long[]> e : dirty) {
                long[] row = e.getValue();
                ps.setLong(at++, row[0]);
                ps.setLong(at++, row[1]);
                ps.setLong(at++, row[2]);
                ps.setString(at++, e.getKey().value());
            }
            for (Map.Entry<UserId, Long> e : pendingCredits.entrySet()) {
                ps.setString(at++, e.getKey().value());
                ps.setLong(at++, e.getValue());
            }
            ps.executeQuery().close();
        } catch (SQLException e) {
            if (Dialect.isUniqueViolation(e)) {
                throw new StoreConflictException("request id " + requestId + " was taken concurrently", e);
            }
            throw failure(e, "appending entry " + requestId);
        }
        for (Map.Entry<UserId, long[]> e : dirty) {
            e.getValue()[3] = 0; // written
        }
        pendingCredits.clear();
        appended = true;
        return entry;
    }

    @Override
    public List<JournalEntry> entries(long fromSequence, int limit) {
        checkPage(fromSequence, limit);
        open();
        try (PreparedStatement ps = c.prepareStatement(SELECT_ENTRY
                + " WHERE sequence >= ? ORDER BY sequence FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, fromSequence);
            ps.setInt(2, limit);
            List<dev.coineconomy.Receipt> receipts = receipts(ps);
            if (receipts.isEmpty()) {
                return List.of();
            }
            return withPostings(receipts, "SELECT " + EntryCodec.POSTING_COLUMNS
                    + " FROM ce_postings p WHERE p.sequence BETWEEN ? AND ? ORDER BY p.sequence, p.line", null,
                    receipts.get(0).sequence(), receipts.get(receipts.size() - 1).sequence());
        } catch (SQLException e) {
            throw failure(e, "reading the journal");
        }
    }

    @Override
    public List<JournalEntry> entriesOf(UserId user, long fromSequence, int limit) {
        Objects.requireNonNull(user, "user");
        checkPage(fromSequence, limit);
        open();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + prefixed("e.") + " FROM ce_entry_users x"
                + " JOIN ce_entries e ON e.sequence = x.sequence WHERE x.user_id = ? AND x.sequence >= ?"
                + " ORDER BY x.sequence FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, user.value());
            ps.setLong(2, fromSequence);
            ps.setInt(3, limit);
            List<dev.coineconomy.Receipt> receipts = receipts(ps);
            if (receipts.isEmpty()) {
                return List.of();
            }
            return withPostings(receipts, "SELECT " + EntryCodec.POSTING_COLUMNS + " FROM ce_entry_users x"
                    + " JOIN ce_postings p ON p.sequence = x.sequence WHERE x.user_id = ?"
                    + " AND x.sequence BETWEEN ? AND ? ORDER BY p.sequence, p.line", user.value(),
                    receipts.get(0).sequence(), receipts.get(receipts.size() - 1).sequence());
        } catch (SQLException e) {
            throw failure(e, "reading the journal of " + user);
        }
    }

    private static String prefixed(String alias) {
        StringBuilder sb = new StringBuilder();
        for (String col : EntryCodec.COLUMNS.split(",")) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(alias).append(col.trim());
        }
        return sb.toString();
    }

    private static List<dev.coineconomy.Receipt> receipts(PreparedStatement ps) throws SQLException {
        List<dev.coineconomy.Receipt> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(EntryCodec.read(rs));
            }
        }
        return out;
    }

    /** Joins receipts (in sequence order) with their postings, read by a query binding [user,] from, to. */
    private List<JournalEntry> withPostings(List<dev.coineconomy.Receipt> receipts, String sql, String user,
                                            long from, long to) throws SQLException {
        Map<Long, List<Posting>> postings = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (user != null) {
                ps.setString(i++, user);
            }
            ps.setLong(i++, from);
            ps.setLong(i, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    postings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(4)).add(EntryCodec.readPosting(rs));
                }
            }
        }
        List<JournalEntry> out = new ArrayList<>(receipts.size());
        for (dev.coineconomy.Receipt r : receipts) {
            out.add(new JournalEntry(r, postings.getOrDefault(r.sequence(), List.of())));
        }
        return out;
    }

    @Override
    public long entryCount() {
        open();
        return queryLong("SELECT COUNT(*) FROM ce_entries", null, "counting entries");
    }

    // ---- users --------------------------------------------------------------------------------------

    @Override
    public UserState lockUser(UserId user) {
        Objects.requireNonNull(user, "user");
        open();
        return state(user, lock(user));
    }

    private long[] lock(UserId user) {
        long[] row = locked.get(user);
        if (row != null) {
            return row;
        }
        try {
            if (!locked.isEmpty() && secondLockTimeout != null && !lockTimeoutSet) {
                // holding a row lock while waiting for another may deadlock; PostgreSQL detects that only after
                // deadlock_timeout (1 s), stalling every transaction queued behind both rows. A short
                // transaction-local lock_timeout (55P03, retried) breaks such cycles sooner.
                try (PreparedStatement ps = c.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
                    ps.setString(1, secondLockTimeout);
                    ps.executeQuery().close();
                }
                lockTimeoutSet = true;
            }
            row = selectForUpdate(user);
            if (row == null) {
                try (PreparedStatement ps = c.prepareStatement(dialect.insertUserIfAbsent())) {
                    ps.setString(1, user.value());
                    if (dialect.insertUserBindsTwice()) {
                        ps.setString(2, user.value());
                    }
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (Dialect.isUniqueViolation(e)) { // H2: a racing transaction inserted it
                        throw new StoreConflictException("user " + user + " was created concurrently", e);
                    }
                    throw e;
                }
                row = selectForUpdate(user);
                if (row == null) {
                    throw new LedgerStoreException("the row of user " + user + " vanished after its insert");
                }
            }
            // roll the user's committed credits into the row (we hold its lock, so no one else rolls them); a
            // credit committed after the count stays in ce_credits for a later lock (reads add it either way)
            List<Long> ids = new ArrayList<>();
            long sum = 0;
            if (row[4] > 0) try (PreparedStatement ps = c.prepareStatement(SELECT_CREDITS)) {
                ps.setString(1, user.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        sum = Math.addExact(sum, rs.getLong(2));
                    }
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(ROLL_CREDIT)) {
                    for (long id : ids) {
                        ps.setLong(1, id);
                        ps.addBatch();
                    }
                    for (int n : ps.executeBatch()) {
                        if (n == 0) {
                            throw new StoreConflictException("a credit of " + user + " was rolled up concurrently", null);
                        }
                    }
                }
                row[1] = Math.addExact(row[1], sum);
                row[3] = 1;
                rolledUsers.add(user);
            }
        } catch (SQLException e) {
            throw failure(e, "locking user " + user);
        }
        Long own = pendingCredits.remove(user);
        if (own != null) {
            row[1] = Math.addExact(row[1], own);
            row[3] = 1;
        }
        locked.put(user, row);
        return row;
    }

    private long[] selectForUpdate(UserId user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_USER_FOR_UPDATE)) {
            ps.setString(1, user.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), 0, rs.getLong(4)} : null;
            }
        }
    }

    private static UserState state(UserId user, long[] row) {
        return new UserState(user, row[0], row[1], row[2]);
    }

    private long[] held(UserId user) {
        Objects.requireNonNull(user, "user");
        open();
        long[] row = locked.get(user);
        if (row == null) {
            throw new IllegalStateException("user " + user + " is not locked in this transaction");
        }
        return row;
    }

    @Override
    public Optional<UserState> user(UserId user) {
        Objects.requireNonNull(user, "user");
        open();
        try {
            try (PreparedStatement ps = c.prepareStatement(SELECT_USER)) {
                ps.setString(1, user.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(new UserState(user, rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
            // a creator credited but never locked has credits and no row yet
            try (PreparedStatement ps = c.prepareStatement(SELECT_CREDIT_SUM)) {
                ps.setString(1, user.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 0 ? Optional.empty()
                            : Optional.of(new UserState(user, 0, rs.getLong(2), 0));
                }
            }
        } catch (SQLException e) {
            throw failure(e, "reading user " + user);
        }
    }

    @Override
    public void addCoins(UserId user, long delta) {
        long[] row = held(user);
        row[0] = Math.addExact(row[0], delta);
        row[3] = 1;
    }

    @Override
    public void addDiamonds(UserId user, long delta) {
        long[] row = held(user);
        row[1] = Math.addExact(row[1], delta);
        row[3] = 1;
    }

    @Override
    public void creditDiamonds(UserId user, long diamonds) {
        Objects.requireNonNull(user, "user");
        if (diamonds < 0) {
            throw new IllegalArgumentException("a credit must not be negative, got " + diamonds);
        }
        open();
        if (diamonds == 0) {
            return;
        }
        long[] row = locked.get(user);
        if (row != null) { // already locked here: no reason to go through ce_credits
            row[1] = Math.addExact(row[1], diamonds);
            row[3] = 1;
        } else {
            pendingCredits.merge(user, diamonds, Math::addExact);
        }
    }

    @Override
    public long addCoinsReceived(UserId creator, long coins) {
        Objects.requireNonNull(creator, "creator");
        if (coins < 0) {
            throw new IllegalArgumentException("coins received must not be negative, got " + coins);
        }
        open();
        long[] row = lock(creator);
        row[2] = Math.addExact(row[2], coins);
        row[3] = 1;
        return row[2];
    }

    @Override
    public long counter(UserId user, String key) {
        held(user);
        checkKey(key);
        return queryLong(SELECT_COUNTER, new String[] {user.value(), key}, "reading counter " + key + " of " + user);
    }

    @Override
    public void addCounter(UserId user, String key, long delta) {
        held(user);
        checkKey(key);
        try {
            int n;
            try (PreparedStatement ps = c.prepareStatement(UPDATE_COUNTER)) {
                ps.setLong(1, delta);
                ps.setString(2, user.value());
                ps.setString(3, key);
                n = ps.executeUpdate();
            }
            if (n == 0) { // first write; counters change only under the user's lock, so no race here
                try (PreparedStatement ps = c.prepareStatement(INSERT_COUNTER)) {
                    ps.setString(1, user.value());
                    ps.setString(2, key);
                    ps.setLong(3, delta);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failure(e, "updating counter " + key + " of " + user);
        }
    }

    @Override
    public long peekCounter(UserId user, String key) {
        Objects.requireNonNull(user, "user");
        checkKey(key);
        open();
        return queryLong(SELECT_COUNTER, new String[] {user.value(), key}, "reading counter " + key + " of " + user);
    }

    private static final String SELECT_RECORD =
            "SELECT record_value FROM ce_user_records WHERE user_id = ? AND kind = ? AND record_key = ?";
    private static final String UPDATE_RECORD =
            "UPDATE ce_user_records SET record_value = ? WHERE user_id = ? AND kind = ? AND record_key = ?";
    private static final String INSERT_RECORD =
            "INSERT INTO ce_user_records (user_id, kind, record_key, record_value) VALUES (?, ?, ?, ?)";
    private static final String SELECT_RECORDS =
            "SELECT record_key, record_value FROM ce_user_records WHERE user_id = ? AND kind = ? ORDER BY ord";

    @Override
    public java.util.Optional<String> record(UserId user, String kind, String key) {
        held(user);
        checkRecord(kind, key, "");
        try (PreparedStatement ps = c.prepareStatement(SELECT_RECORD)) {
            ps.setString(1, user.value());
            ps.setString(2, kind);
            ps.setString(3, key);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e, "reading record " + kind + "/" + key + " of " + user);
        }
    }

    @Override
    public void putRecord(UserId user, String kind, String key, String value) {
        held(user);
        Objects.requireNonNull(value, "value");
        checkRecord(kind, key, value);
        try {
            int n;
            try (PreparedStatement ps = c.prepareStatement(UPDATE_RECORD)) {
                ps.setString(1, value);
                ps.setString(2, user.value());
                ps.setString(3, kind);
                ps.setString(4, key);
                n = ps.executeUpdate();
            }
            if (n == 0) { // records change only under the user's lock, so no race here
                try (PreparedStatement ps = c.prepareStatement(INSERT_RECORD)) {
                    ps.setString(1, user.value());
                    ps.setString(2, kind);
                    ps.setString(3, key);
                    ps.setString(4, value);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failure(e, "writing record " + kind + "/" + key + " of " + user);
        }
    }

    @Override
    public java.util.Map<String, String> records(UserId user, String kind) {
        held(user);
        checkRecord(kind, "k", "");
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_RECORDS)) {
            ps.setString(1, user.value());
            ps.setString(2, kind);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw failure(e, "reading records " + kind + " of " + user);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static void checkRecord(String kind, String key, String value) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (kind.isEmpty() || kind.length() > 32 || key.isEmpty() || key.length() > 128 || value.length() > 1_000) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "record kind (1-32 chars), key (1-128) or value (<= 1000) out of range: %d, %d, %d",
                    kind.length(), key.length(), value.length()));
        }
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "counter key must have 1 to %d characters, got %d", MAX_KEY, key.length()));
        }
    }

    // ---- supply -------------------------------------------------------------------------------------

    @Override
    public long coinsIssued() {
        open();
        return queryLong(SELECT_SUPPLY, null, "reading the coin supply");
    }

    @Override
    public long tryIssueCoins(long coins, long maximum) {
        if (coins < 0) {
            throw new IllegalArgumentException("coins to issue must not be negative, got " + coins);
        }
        open();
        try {
            long issued = queryLongOrThrow(SELECT_SUPPLY_FOR_UPDATE, null);
            if (coins > maximum - issued) {
                return -1 - issued;
            }
            try (PreparedStatement ps = c.prepareStatement(UPDATE_SUPPLY)) {
                ps.setLong(1, issued + coins);
                ps.executeUpdate();
            }
            return issued;
        } catch (SQLException e) {
            throw failure(e, "issuing " + coins + " coins");
        }
    }

    // ---- commit -------------------------------------------------------------------------------------

    /**
     * Writes the locked rows that changed and the pending credits; called once, just before commit.
     *
     * @throws SQLException if a write fails
     */
    void flush() throws SQLException {
        open();
        boolean any = false;
        try (PreparedStatement ps = c.prepareStatement(UPDATE_USER)) {
            for (Map.Entry<UserId, long[]> e : locked.entrySet()) {
                long[] row = e.getValue();
                if (row[3] != 0) {
                    ps.setLong(1, row[0]);
                    ps.setLong(2, row[1]);
                    ps.setLong(3, row[2]);
                    ps.setString(4, e.getKey().value());
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
        if (!pendingCredits.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CREDIT)) {
                for (Map.Entry<UserId, Long> e : pendingCredits.entrySet()) {
                    ps.setString(1, e.getKey().value());
                    ps.setLong(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /**
     * After commit: deletes the credits this transaction rolled into their users' rows, in autocommit. Best
     * effort: a rolled credit is ignored by every read, so a delete that fails or is lost changes nothing.
     */
    void deleteRolledCredits() {
        if (rolledUsers.isEmpty()) {
            return;
        }
        try {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(DELETE_ROLLED)) {
                for (UserId u : rolledUsers) {
                    ps.setString(1, u.value());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            // harmless: the rows stay marked rolled and a later roll-up of the user deletes them
        }
    }

    /** Marks the transaction ended: any further use throws. */
    void end() {
        ended = true;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private long queryLong(String sql, String[] args, String what) {
        try {
            return queryLongOrThrow(sql, args);
        } catch (SQLException e) {
            throw failure(e, what);
        }
    }

    /** The first column of the first row as a long, 0 if there is no row. */
    private long queryLongOrThrow(String sql, String[] args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (args != null) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void checkPage(long fromSequence, int limit) {
        if (fromSequence < 1 || limit < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fromSequence and limit must be at least 1, got %d and %d", fromSequence, limit));
        }
    }
}
