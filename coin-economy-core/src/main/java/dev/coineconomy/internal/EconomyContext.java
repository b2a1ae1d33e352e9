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

import dev.coineconomy.catalog.CatalogSchedule;
import dev.coineconomy.event.EconomyListener;
import dev.coineconomy.profile.ProfileDirectory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * What every command of an economy shares: catalog, policy, clock and store, and the steps common to
 * all commands (reading the clock, answering a retry, appending the entry). Immutable; thread-safe.
 */
public final class EconomyContext {

    private static final long NANOS = 1_000_000_000L;

    private final AtomicReference<CatalogSchedule> schedule;
    private final Map<String, CatalogIndex> indexes = new ConcurrentHashMap<>();
    private final EconomyPolicy policy;
    private final Clock clock;
    private final LedgerStore store;
    private final ProfileDirectory profiles;
    private final Eligibility eligibility;
    private final ListenerDispatcher events;
    private final StreamRegistry streams = new StreamRegistry();

    /**
     * @param catalog   the first catalog
     * @param policy    the policy
     * @param clock     the clock
     * @param store     the store
     * @param profiles  the host's profile directory, or {@code null} for none (no eligibility checks)
     * @param listeners the listeners of committed commands
     */
    public EconomyContext(Catalog catalog, EconomyPolicy policy, Clock clock, LedgerStore store,
                          ProfileDirectory profiles, List<EconomyListener> listeners) {
        this.schedule = new AtomicReference<>(CatalogSchedule.of(Objects.requireNonNull(catalog, "catalog")));
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.profiles = profiles;
        this.eligibility = new Eligibility(policy.eligibility());
        this.events = new ListenerDispatcher(listeners);
    }

    /**
     * The catalog in force at an instant, indexed.
     *
     * @param at the command's instant
     * @return the catalog's index
     * @throws IllegalStateException if no catalog is in force yet (the first one takes effect later)
     */
    public CatalogIndex catalogAt(Instant at) {
        Catalog c = schedule.get().findInForceAt(at).orElseThrow(() -> new IllegalStateException(
                String.format(Locale.ROOT, "no catalog is in force at %s: the first takes effect at %s", at,
                        schedule.get().versions().get(0).effectiveFrom())));
        CatalogIndex index = indexes.get(c.version());
        return index != null ? index : indexes.computeIfAbsent(c.version(), v -> new CatalogIndex(c));
    }

    /** @return the catalog schedule (every version published) */
    public CatalogSchedule schedule() {
        return schedule.get();
    }

    /**
     * Adds a catalog to the schedule.
     *
     * @param next the catalog; its effective instant must be after the clock's current instant (a command
     *             stamped with the current instant may already have been priced by the catalog in force)
     * @return the new schedule
     * @throws IllegalArgumentException if it takes effect now or in the past, its version exists or its
     *                                  effective instant is not after the latest catalog's
     */
    public CatalogSchedule publish(Catalog next) {
        Objects.requireNonNull(next, "catalog");
        Instant now = clock.instant();
        if (!next.effectiveFrom().isAfter(now)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "catalog %s would take effect at %s, not after now (%s): history cannot be repriced",
                    next.version(), next.effectiveFrom(), now));
        }
        return schedule.updateAndGet(s -> s.with(next));
    }

    /** @return the host's profile directory, or {@code null} if eligibility is not checked */
    public ProfileDirectory profiles() {
        return profiles;
    }

    /** @return the eligibility checker of the policy */
    public Eligibility eligibility() {
        return eligibility;
    }

    /** @return the listener dispatcher */
    public ListenerDispatcher events() {
        return events;
    }

    // ---- event tickets: commit order per economy instance --------------------------------------

    /**
     * The tickets of one facade call: each entry it appended takes the next ticket, in append order, and
     * the dispatcher delivers events in ticket order. Every ticket is published or skipped exactly once.
     */
    public static final class Reservations {
        private final Reservations outer;
        private long[] tickets = new long[2];
        private long[] sequences = new long[2];
        private int n;

        private Reservations(Reservations outer) {
            this.outer = outer;
        }

        private void add(long ticket, long sequence) {
            if (n == tickets.length) {
                tickets = java.util.Arrays.copyOf(tickets, n * 2);
                sequences = java.util.Arrays.copyOf(sequences, n * 2);
            }
            tickets[n] = ticket;
            sequences[n++] = sequence;
        }
    }

    private final ThreadLocal<Reservations> reservations = new ThreadLocal<>();
    private final java.util.concurrent.atomic.AtomicLong lastTicket = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Starts collecting the tickets of a facade call on this thread (nested calls from listeners stack).
     *
     * @return the call's reservations, or {@code null} if nobody listens
     */
    public Reservations openReservations() {
        if (events.isEmpty()) {
            return null;
        }
        Reservations r = new Reservations(reservations.get());
        reservations.set(r);
        return r;
    }

    /**
     * Ends a facade call: publishes the event of the entry it committed (the receipt whose sequence took a
     * ticket in the committing attempt) and skips every other ticket (attempts rolled back, retries).
     *
     * @param r       the call's reservations, may be {@code null}
     * @param receipt the receipt the call returns, or {@code null} if it failed
     * @param fresh   whether the receipt is of an entry this call appended (not a stored retry)
     */
    public void closeReservations(Reservations r, Receipt receipt, boolean fresh) {
        if (r == null) {
            return;
        }
        if (r.outer == null) {
            reservations.remove();
        } else {
            reservations.set(r.outer);
        }
        int publish = -1;
        if (receipt != null && fresh) {
            for (int i = r.n - 1; i >= 0; i--) {
                if (r.sequences[i] == receipt.sequence()) {
                    publish = i;
                    break;
                }
            }
        }
        for (int i = 0; i < r.n; i++) {
            if (i != publish) {
                events.skip(r.tickets[i]);
            }
        }
        if (publish >= 0) {
            events.publish(r.tickets[publish], dev.coineconomy.event.EconomyEvent.of(receipt));
        }
    }

    private final ThreadLocal<long[]> lastAppended = ThreadLocal.withInitial(() -> new long[] {-1});

    /** Forgets which entry this thread appended last; call before running a command. */
    public void clearAppended() {
        lastAppended.get()[0] = -1;
    }

    /**
     * Whether a receipt is of an entry this thread appended (not one a retry found stored).
     *
     * @param receipt the receipt a command returned
     * @return whether its entry was appended by the command that just ran on this thread
     */
    public boolean appended(Receipt receipt) {
        return receipt != null && lastAppended.get()[0] == receipt.sequence();
    }

    /** Takes a ticket for an entry being appended on this thread (inside the store's append). */
    private void reserve(long sequence) {
        lastAppended.get()[0] = sequence;
        Reservations r = reservations.get();
        if (r != null) {
            r.add(lastTicket.incrementAndGet(), sequence);
        }
    }

    /** @return the live streams of this economy (in memory) */
    public StreamRegistry streams() {
        return streams;
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
    public <R extends Receipt> R append(StoreTransaction tx, RequestId requestId,
                                        LongFunction<R> receipt, List<Posting> postings, Class<R> type) {
        List<Posting> copy = List.copyOf(postings);
        return type.cast(tx.append(requestId, seq -> {
            R r = receipt.apply(seq);
            reserve(seq);
            return new JournalEntry(r, copy);
        }).receipt());
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
