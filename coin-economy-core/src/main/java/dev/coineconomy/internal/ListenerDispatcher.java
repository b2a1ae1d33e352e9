package dev.coineconomy.internal;

import dev.coineconomy.Receipt;
import dev.coineconomy.event.EconomyEvent;
import dev.coineconomy.event.EconomyListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers committed commands to the {@link EconomyListener}s, isolating their failures: a listener that
 * throws is logged at WARN (listener, event kind, sequence, request id, exception), counted in
 * {@link #failures()}, and neither stops the other listeners nor reaches the caller. The listeners are
 * fixed at construction.
 *
 * <p>Two ways to call it; an economy uses one of them for all its commands:
 * <ol>
 *   <li><b>{@link #publish(Receipt) publish}: ordered by journal sequence</b> (the default choice). The
 *       facade publishes every appended journal sequence exactly once, with its receipt, or
 *       {@link #skip(long) skips} it if the slot carries no event, after the commit and outside its own
 *       locks. Events are delivered in sequence order, one at a time, so each user's events (and each
 *       listener's, and the whole economy's) arrive in commit order, even though a gift's creator credit
 *       takes no lock and two commits of one user may finish in either order. {@code publish} returns once
 *       its own event has been delivered (synchronous), by whichever publishing thread drains the queue:
 *       if an earlier sequence is still being committed by another thread, it waits for it (polling),
 *       at most the configured {@code maxWait}. After that it returns undelivered, logs at WARN, and later
 *       publishes stop waiting until the gap is filled; the events are delivered, still in order, as soon
 *       as the missing sequence is published or skipped. Publishing from inside a listener (a listener
 *       that issues a command) does not wait: the event is delivered after the current one.</li>
 *   <li><b>{@link #deliver(EconomyEvent) deliver}: immediately, in the caller's thread.</b> No ordering
 *       of its own: the caller guarantees commit order per user, e.g. by calling it while still holding a
 *       lock that orders every commit touching the event's users (for a gift: the sender and the creator).
 *       The current facade takes no such lock for a gift's creator, so use {@code publish} with it.</li>
 * </ol>
 * With no listeners both return at once and keep no state.
 */
public final class ListenerDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatcher.class);

    /** The default longest wait of {@link #publish} for an earlier sequence. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    private static final Object SKIPPED = new Object();
    private static final long POLL_NANOS = 20_000;

    private final EconomyListener[] listeners;
    private final LongAdder[] failures;
    private final LongAdder delivered = new LongAdder();
    private final long maxWaitNanos;

    /** Published sequences not yet delivered: an {@link EconomyEvent} or {@link #SKIPPED}. */
    private final ConcurrentSkipListMap<Long, Object> pending = new ConcurrentSkipListMap<>();
    /** Held while delivering; whoever holds it delivers every pending event from {@link #next} on. */
    private final ReentrantLock drain = new ReentrantLock();
    /** The next sequence to deliver; written only under {@link #drain}. */
    private volatile long next;
    /** The sequence a publish gave up waiting for, or 0: later publishes do not wait while it is missing. */
    private final AtomicLong stalledAt = new AtomicLong();

    /**
     * A dispatcher whose first sequence is 1 (an empty journal), waiting at most
     * {@link #DEFAULT_MAX_WAIT}.
     *
     * @param listeners the listeners, in delivery order (the same listener may appear twice)
     */
    public ListenerDispatcher(List<? extends EconomyListener> listeners) {
        this(listeners, 1, DEFAULT_MAX_WAIT);
    }

    /**
     * A dispatcher.
     *
     * @param listeners     the listeners, in delivery order
     * @param firstSequence the first sequence {@link #publish} will see: the journal's size + 1 (a durable
     *                      journal reopened with entries starts after them)
     * @param maxWait       how long {@code publish} waits at most for an earlier sequence, positive
     * @throws IllegalArgumentException if {@code firstSequence < 1} or {@code maxWait} is not positive
     */
    public ListenerDispatcher(List<? extends EconomyListener> listeners, long firstSequence, Duration maxWait) {
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(maxWait, "maxWait");
        if (firstSequence < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "firstSequence must be at least 1, got %d", firstSequence));
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive, got " + maxWait);
        }
        this.listeners = listeners.toArray(new EconomyListener[0]);
        for (int i = 0; i < this.listeners.length; i++) {
            Objects.requireNonNull(this.listeners[i], "listeners[" + i + "]");
        }
        this.failures = new LongAdder[this.listeners.length];
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new LongAdder();
        }
        this.next = firstSequence;
        this.maxWaitNanos = Math.max(1, maxWait.toNanos());
    }

    /** @return whether there are no listeners (the facade may then skip building events) */
    public boolean isEmpty() {
        return listeners.length == 0;
    }

    /** @return the listeners, in delivery order */
    public List<EconomyListener> listeners() {
        return List.of(listeners);
    }

    // ---- ordered -------------------------------------------------------------------------------

    /**
     * Publishes a committed command: see the class comment. Call once per accepted command, after the
     * commit, outside the facade's locks.
     *
     * @param receipt the command's receipt (its sequence orders it)
     * @throws IllegalArgumentException if its sequence was already published, skipped or delivered
     */
    public void publish(Receipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        if (listeners.length != 0) {
            enqueue(receipt.sequence(), EconomyEvent.of(receipt));
        }
    }

    /**
     * Publishes a committed command of any kind (for commands whose kind is not derived from the receipt).
     *
     * @param event the event (its receipt's sequence orders it)
     * @throws IllegalArgumentException if its sequence was already published, skipped or delivered
     */
    public void publish(EconomyEvent event) {
        Objects.requireNonNull(event, "event");
        if (listeners.length != 0) {
            enqueue(event.sequence(), event);
        }
    }

    /**
     * Publishes a committed command under an ordering ticket of the caller's own numbering (contiguous
     * from the first sequence), instead of its journal sequence.
     *
     * @param ticket the ordering position
     * @param event  the event
     * @throws IllegalArgumentException if the ticket was already published, skipped or delivered
     */
    public void publish(long ticket, EconomyEvent event) {
        Objects.requireNonNull(event, "event");
        if (listeners.length != 0) {
            enqueue(ticket, event);
        }
    }

    /**
     * Declares that a journal sequence carries no event (so later events need not wait for it).
     *
     * @param sequence the sequence
     * @throws IllegalArgumentException if it was already published, skipped or delivered
     */
    public void skip(long sequence) {
        if (listeners.length != 0) {
            enqueue(sequence, SKIPPED);
        }
    }

    /** @return the next sequence to be delivered (all below it were delivered or skipped) */
    public long nextSequence() {
        return next;
    }

    /** @return how many published sequences wait for an earlier one */
    public int pendingCount() {
        return pending.size();
    }

    private void enqueue(long sequence, Object item) {
        if (sequence < next) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sequence %d was already delivered or skipped (next is %d)", sequence, next));
        }
        if (pending.putIfAbsent(sequence, item) != null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sequence %d was already published", sequence));
        }
        if (drain.isHeldByCurrentThread()) {
            return; // published from inside a listener: the running drain loop delivers it next
        }
        long start = System.nanoTime();
        while (true) {
            drain.lock();
            try {
                drainAvailable();
            } finally {
                drain.unlock();
            }
            long waitingFor = next;
            if (waitingFor > sequence) {
                return; // delivered
            }
            // an earlier sequence is still being committed by another thread
            if (stalledAt.get() == waitingFor) {
                return; // already known to be missing: do not make every command wait for it
            }
            if (System.nanoTime() - start > maxWaitNanos) {
                if (stalledAt.getAndSet(waitingFor) != waitingFor) {
                    LOG.warn("event {} is not delivered yet: sequence {} was not published within {} ms; "
                                    + "later events are delivered once it is published or skipped",
                            sequence, waitingFor, maxWaitNanos / 1_000_000);
                }
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Delivers every pending event from {@link #next} on, in order. Holds {@link #drain}. */
    private void drainAvailable() {
        while (true) {
            long seq = next;
            Object item = pending.remove(seq);
            if (item == null) {
                return;
            }
            next = seq + 1; // before delivering: a listener's own command may publish meanwhile
            if (item != SKIPPED) {
                deliver((EconomyEvent) item);
            }
        }
    }

    // ---- immediate -----------------------------------------------------------------------------

    /**
     * Delivers an event to every listener now, in the caller's thread, isolating failures. Does not
     * order anything: see the class comment.
     *
     * @param event the event
     */
    public void deliver(EconomyEvent event) {
        Objects.requireNonNull(event, "event");
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onEvent(event);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) { // NOPMD: a listener's failure must not reach the command
                failures[i].increment();
                LOG.warn("listener {} failed on {} event {} (request {})", describe(listeners[i]), event.kind(),
                        event.sequence(), event.requestId(), t);
            }
        }
        if (listeners.length != 0) {
            delivered.increment();
        }
    }

    // ---- counters ------------------------------------------------------------------------------

    /** @return how many events were delivered (to all listeners) */
    public long delivered() {
        return delivered.sum();
    }

    /** @return how many times any listener threw */
    public long failures() {
        long sum = 0;
        for (LongAdder f : failures) {
            sum += f.sum();
        }
        return sum;
    }

    /**
     * How many times one listener threw.
     *
     * @param listener the listener (compared by identity; a listener registered twice counts both)
     * @return its failures, 0 if it is not registered
     */
    public long failures(EconomyListener listener) {
        long sum = 0;
        for (int i = 0; i < listeners.length; i++) {
            if (listeners[i] == listener) {
                sum += failures[i].sum();
            }
        }
        return sum;
    }

    private static String describe(EconomyListener listener) {
        // not toString(): it is host code and may throw too
        return listener.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(listener));
    }
}
