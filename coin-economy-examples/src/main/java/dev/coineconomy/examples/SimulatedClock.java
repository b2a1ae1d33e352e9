package dev.coineconomy.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that shows a simulated instant and moves only when told to, so that a simulation stamps its
 * journal entries and counts its calendar days deterministically. Not thread-safe: a single-threaded
 * simulation sets it between commands.
 */
public final class SimulatedClock extends Clock {

    private Instant now;

    /**
     * Creates a clock showing {@code start}.
     *
     * @param start the first instant shown
     */
    public SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the clock to an instant, which must not be before the one shown.
     *
     * @param instant the new instant
     * @throws IllegalArgumentException if it would move the clock backwards
     */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("instant " + instant + " is before the clock's " + now);
        }
        this.now = instant;
    }

    /** @return the instant shown */
    @Override
    public Instant instant() {
        return now;
    }

    /** @return UTC, the zone of the simulation */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * Not supported: the simulation runs in UTC.
     *
     * @param zone ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulated clock stays in UTC");
    }
}
