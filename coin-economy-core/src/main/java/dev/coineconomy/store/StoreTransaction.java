package dev.coineconomy.store;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.ledger.JournalEntry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The operations a command may perform inside one store transaction. Everything written through a
 * transaction commits together with its journal entry, or not at all.
 *
 * <p>Locking model (the same in every store, so that the facade's rules hold everywhere):
 * <ul>
 *   <li>{@link #lockUser} locks one user's row until the transaction ends. Every <em>debit</em> and
 *       every counter update happens under that lock, so a user's balance checks never race.</li>
 *   <li>{@link #creditDiamonds} needs no lock: credits commute, so many viewers gifting one hot creator
 *       do not queue behind one row. The credit becomes visible when the transaction commits.</li>
 *   <li>{@link #addCoinsReceived} (needed only for fractional coin → diamond ratios) locks the creator's
 *       row, because exact carry needs the running total; call it as late as possible.</li>
 *   <li>{@link #append} is the last call of a command: it assigns the entry's sequence and makes the
 *       request id taken. A store whose sequence comes from a database sequence may leave gaps (rolled back
 *       transactions), but sequences always increase in the order entries were appended. Sequence order is
 *       not commit order: a reader tailing {@link #entries} from a sequence may see an entry with a higher
 *       sequence before one with a lower sequence has committed.</li>
 *   <li>Every command appends exactly one entry, and does nothing after {@link #append}: credits take
 *       effect with the entry (the in-memory store treats {@code append} as its commit point).</li>
 * </ul>
 * Any method may throw {@link StoreConflictException}; the store then rolls back and retries the work.
 * Instances are confined to the thread running the work and must not escape it.
 */
public interface StoreTransaction {

    // ---- journal ---------------------------------------------------------------------------------

    /**
     * The committed entry of a request id.
     *
     * @param requestId the id
     * @return the entry, or empty if no committed command used the id
     */
    Optional<JournalEntry> findEntry(RequestId requestId);

    /**
     * Appends the command's entry: takes the next sequence, builds the entry for it and stores it with
     * its postings and request id.
     *
     * @param requestId the command's id; must not be taken yet
     * @param entry     builds the entry for the sequence the store assigns
     * @return the stored entry
     * @throws StoreConflictException if a concurrent transaction took the request id first
     */
    JournalEntry append(RequestId requestId, LongFunction<JournalEntry> entry);

    /**
     * Committed entries in sequence order.
     *
     * @param fromSequence the smallest sequence to return, from 1
     * @param limit        the most entries to return, at least 1
     * @return the entries with {@code sequence >= fromSequence}, oldest first
     */
    List<JournalEntry> entries(long fromSequence, int limit);

    /**
     * Committed entries that post to a user's accounts or name the user (purchases, gifts sent or
     * received, withdrawals), in sequence order.
     *
     * @param user         the user
     * @param fromSequence the smallest sequence to return, from 1
     * @param limit        the most entries to return, at least 1
     * @return the entries, oldest first
     */
    List<JournalEntry> entriesOf(UserId user, long fromSequence, int limit);

    /** @return the number of committed entries */
    long entryCount();

    // ---- users -------------------------------------------------------------------------------------

    /**
     * Locks a user's row until the transaction ends, creating the row if it does not exist.
     *
     * @param user the user
     * @return the user's state as of the lock (committed state plus this transaction's own writes)
     */
    UserState lockUser(UserId user);

    /**
     * A user's committed state, without locking.
     *
     * @param user the user
     * @return the state, or empty if the store has never seen the user
     */
    Optional<UserState> user(UserId user);

    /**
     * Adds to a user's coins. The user must be locked in this transaction.
     *
     * @param user  the user
     * @param delta the signed amount
     */
    void addCoins(UserId user, long delta);

    /**
     * Adds to a user's diamonds under the user's lock (a withdrawal's debit). The user must be locked in
     * this transaction.
     *
     * @param user  the user
     * @param delta the signed amount
     */
    void addDiamonds(UserId user, long delta);

    /**
     * Credits diamonds without locking the user: the credit commutes with every other credit and becomes
     * visible at commit.
     *
     * @param user     the creator
     * @param diamonds the credit, not negative
     */
    void creditDiamonds(UserId user, long diamonds);

    /**
     * Adds to a creator's running total of coins received and locks the creator's row until the
     * transaction ends.
     *
     * @param creator the creator
     * @param coins   the coins of this gift, not negative
     * @return the running total after this gift
     */
    long addCoinsReceived(UserId creator, long coins);

    /**
     * A per-user counter (payouts of a day, spending of a period). The user must be locked.
     *
     * @param user the user
     * @param key  the counter's key, at most 64 characters
     * @return its value, 0 if never written
     */
    long counter(UserId user, String key);

    /**
     * Adds to a per-user counter. The user must be locked.
     *
     * @param user  the user
     * @param key   the counter's key, at most 64 characters
     * @param delta the signed amount
     */
    void addCounter(UserId user, String key, long delta);

    /**
     * A per-user counter as committed, without locking.
     *
     * @param user the user
     * @param key  the counter's key
     * @return its value, 0 if never written
     */
    long peekCounter(UserId user, String key);

    // ---- per-user records -------------------------------------------------------------------------

    /**
     * A per-user record of some kind (coin lots, payouts, …), stored as plain text the facade encodes.
     * The user must be locked.
     *
     * @param user the user
     * @param kind the record kind, at most 32 characters, e.g. {@code "lot"}
     * @param key  the record's key within the user and kind, at most 128 characters
     * @return its value, or empty if there is none
     */
    Optional<String> record(UserId user, String kind, String key);

    /**
     * Inserts or replaces a per-user record. A replaced record keeps its place in {@link #records}.
     * The user must be locked.
     *
     * @param user  the user
     * @param kind  the record kind, at most 32 characters
     * @param key   the key, at most 128 characters
     * @param value the value, at most 1,000 characters
     */
    void putRecord(UserId user, String kind, String key, String value);

    /**
     * Every record of a user and kind, in the order they were first put. The user must be locked.
     *
     * @param user the user
     * @param kind the record kind
     * @return an unmodifiable map of key → value that iterates in insertion order
     */
    Map<String, String> records(UserId user, String kind);

    // ---- supply ------------------------------------------------------------------------------------

    /** @return the coins the economy has issued so far */
    long coinsIssued();

    /**
     * Issues coins if the total stays within a maximum; serialises issuing until the transaction ends.
     *
     * @param coins   the coins to issue
     * @param maximum the most coins the economy may ever issue
     * @return the total issued before this call if the coins were issued, or {@code -1 - issued} if they
     *         would exceed the maximum (nothing changed)
     */
    long tryIssueCoins(long coins, long maximum);
}
