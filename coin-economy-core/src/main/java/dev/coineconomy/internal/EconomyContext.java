package dev.coineconomy.internal;

import dev.coineconomy.Receipt;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.RequestId;
import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.store.LedgerStore;
import dev.coineconomy.store.StoreTransaction;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
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
     * Appends a command's entry, its postings derived from the receipt.
     *
     * @param tx        the transaction
     * @param requestId the command's id
     * @param receipt   builds the receipt for the assigned sequence
     * @param type      the receipt type
     * @param <R>       the receipt type
     * @return the stored receipt
     */
    public static <R extends Receipt> R append(StoreTransaction tx, RequestId requestId,
                                               LongFunction<R> receipt, Class<R> type) {
        return type.cast(tx.append(requestId, seq -> {
            R r = receipt.apply(seq);
            return new JournalEntry(r, Postings.of(r));
        }).receipt());
    }
}
