package dev.coineconomy.examples.bench;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The essential-work baseline of the gift benchmark: per gift it does only what any correct,
 * thread-safe, idempotent in-memory implementation must do, and nothing else:
 * <ol>
 *   <li>{@link ConcurrentHashMap#putIfAbsent} of the request id (idempotency);</li>
 *   <li>a map lookup of the sender and a compare-and-set debit of their {@link AtomicLong} coin balance,
 *       with the balance check inside the loop;</li>
 *   <li>a map lookup of the creator and an {@link AtomicLong#addAndGet} of their diamonds (ratio 1/1);</li>
 *   <li>the append of a record of four {@code long}s to a pre-sized array, at an index taken from an
 *       {@link AtomicLong}.</li>
 * </ol>
 * No receipt, no clock, no catalog lookup, no exact-carry bookkeeping, no request-id bytes stored.
 * Thread-safe.
 */
public final class EssentialGiftLedger {

    private static final Object PRESENT = Boolean.TRUE;

    private final ConcurrentHashMap<RequestId, Object> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UserId, AtomicLong> coins = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UserId, AtomicLong> diamonds = new ConcurrentHashMap<>();
    private final long[] records;
    private final AtomicLong next = new AtomicLong();

    /**
     * Creates an empty ledger whose record array holds {@code capacity} gifts.
     *
     * @param capacity the most gifts it will record
     * @throws IllegalArgumentException if {@code capacity} is negative or its records do not fit in an array
     */
    public EssentialGiftLedger(int capacity) {
        if (capacity < 0 || capacity > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("capacity must be 0 to " + Integer.MAX_VALUE / 4 + ", got " + capacity);
        }
        this.records = new long[capacity * 4];
    }

    /**
     * Credits coins to a user (set-up only, not part of the measured work).
     *
     * @param user  the user
     * @param amount the coins
     */
    public void fund(UserId user, long amount) {
        coins.computeIfAbsent(Objects.requireNonNull(user, "user"), k -> new AtomicLong()).addAndGet(amount);
    }

    /**
     * Opens a creator's diamond balance (set-up only).
     *
     * @param creator the creator
     */
    public void open(UserId creator) {
        diamonds.computeIfAbsent(Objects.requireNonNull(creator, "creator"), k -> new AtomicLong());
    }

    /**
     * Records one gift.
     *
     * @param requestId the idempotency key
     * @param sender    a funded user
     * @param creator   an opened creator
     * @param item      the gift's index, recorded
     * @param cost      the coins the gift costs
     * @return the gift's sequence (from 0), or -1 if the request id was already used
     * @throws IllegalStateException if the sender cannot pay (the request id is released again)
     */
    public long gift(RequestId requestId, UserId sender, UserId creator, long item, long cost) {
        if (requests.putIfAbsent(requestId, PRESENT) != null) {
            return -1;
        }
        AtomicLong from = coins.get(sender);
        long balance;
        do {
            balance = from.get();
            if (balance < cost) {
                requests.remove(requestId);
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s has %d coins, the gift costs %d", sender, balance, cost));
            }
        } while (!from.compareAndSet(balance, balance - cost));
        long credited = diamonds.get(creator).addAndGet(cost);
        long sequence = next.getAndIncrement();
        int p = (int) (sequence * 4);
        records[p] = item;
        records[p + 1] = cost;
        records[p + 2] = credited;
        records[p + 3] = sequence;
        return sequence;
    }

    /**
     * @param user the user
     * @return their coins, 0 if never funded
     */
    public long coins(UserId user) {
        AtomicLong a = coins.get(user);
        return a == null ? 0 : a.get();
    }

    /**
     * @param creator the creator
     * @return their diamonds, 0 if never opened
     */
    public long diamonds(UserId creator) {
        AtomicLong a = diamonds.get(creator);
        return a == null ? 0 : a.get();
    }

    /** @return the number of gifts recorded */
    public long size() {
        return next.get();
    }
}
