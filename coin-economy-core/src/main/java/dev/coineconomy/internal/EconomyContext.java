package dev.coineconomy.internal;

import dev.coineconomy.Receipt;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.RequestId;
import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.store.LedgerStore;
import dev.coineconomy.store.StoreTransaction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * What every command of an economy shares: catalog, policy, clock and store, and the steps common to
 * all commands (reading the clock, answering a retry, appending the entry). Immutable; thread-safe.
 */
public final class EconomyContext {

    private static final long NANOS = 1_000_000_000L;

    private final CatalogIndex catalog;
    private final EconomyPolicy policy;
    private final Clock clock;
    private final LedgerStore store;

    /**
     * @param catalog the catalog
     * @param policy  the policy
     * @param clock   the clock
     * @param store   the store
     */
    public EconomyContext(Catalog catalog, EconomyPolicy policy, Clock clock, LedgerStore store) {
        this.catalog = new CatalogIndex(Objects.requireNonNull(catalog, "catalog"));
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** @return the indexed catalog */
    public CatalogIndex catalog() {
        return catalog;
    }

    /** @return the policy */
    public EconomyPolicy policy() {
        return policy;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the store */
    public LedgerStore store() {
        return store;
    }

    /**
     * Reads the clock (once per attempt of a command) and checks that journals can record the instant.
     *
     * @return the instant
     * @throws IllegalStateException if the instant is outside the years 1678 to 2261
     */
    public Instant now() {
        Instant now = clock.instant();
        try {
            Math.addExact(Math.multiplyExact(now.getEpochSecond(), NANOS), now.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "clock instant %s is outside the range the journal records (1678 to 2261)", now), e);
        }
        return now;
    }

    /**
     * Answers a retry: the original receipt if the stored command is the same, else a conflict.
     *
     * @param existing    the entry that holds the request id
     * @param requestId   the id
     * @param type        the receipt type of the command being retried
     * @param sameCommand whether the stored receipt is of the same command
     * @param <R>         the receipt type
     * @return the original receipt
     * @throws dev.coineconomy.EconomyException {@code REQUEST_CONFLICT}
     */
    public static <R extends Receipt> R retry(JournalEntry existing, RequestId requestId, Class<R> type,
                                              Predicate<R> sameCommand) {
        Receipt original = existing.receipt();
        if (type.isInstance(original) && sameCommand.test(type.cast(original))) {
            return type.cast(original);
        }
        throw Rules.reject(RejectionCode.REQUEST_CONFLICT,
                String.format(Locale.ROOT,
                        "request id %s was already used by a different accepted command (entry %d)",
                        requestId, original.sequence()),
                "requestId", requestId, "existing", original);
    }

    /**
     * Appends a command's entry with its finance postings ({@link FinancePostings}).
     *
     * @param tx        the transaction
     * @param requestId the command's id
     * @param receipt   builds the receipt for the assigned sequence
     * @param postings  the entry's postings, balanced per unit
     * @param type      the receipt type
     * @param <R>       the receipt type
     * @return the stored receipt
     */
    public static <R extends Receipt> R append(StoreTransaction tx, RequestId requestId,
                                               LongFunction<R> receipt, List<Posting> postings, Class<R> type) {
        List<Posting> copy = List.copyOf(postings);
        return type.cast(tx.append(requestId, seq -> new JournalEntry(receipt.apply(seq), copy)).receipt());
    }

    /**
     * The store's view of "not found or not of this kind" for a referenced request.
     *
     * @param tx        the transaction
     * @param reference the referenced request id
     * @param type      the receipt type it must have
     * @param what      what it must be, for the message ("purchase", "withdrawal")
     * @param <R>       the receipt type
     * @return the referenced receipt
     * @throws dev.coineconomy.EconomyException {@code UNKNOWN_REFERENCE}
     */
    public static <R extends Receipt> R reference(StoreTransaction tx, RequestId reference, Class<R> type,
                                                  String what) {
        Optional<JournalEntry> e = tx.findEntry(reference);
        if (e.isPresent() && type.isInstance(e.get().receipt())) {
            return type.cast(e.get().receipt());
        }
        throw Rules.reject(RejectionCode.UNKNOWN_REFERENCE,
                String.format(Locale.ROOT, "request id %s is not an accepted %s%s", reference, what,
                        e.isPresent() ? " (it is a " + e.get().receipt().getClass().getSimpleName() + ")" : ""),
                "reference", reference);
    }
}
