package dev.coineconomy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; its zone is UTC (the economy uses its policy's zone for days). */
final class MutableClock extends Clock {

    private volatile Instant now;

    MutableClock(Instant start) {
        this.now = start;
    }

    MutableClock(String isoInstant) {
        this(Instant.parse(isoInstant));
    }

    void set(Instant instant) {
        this.now = instant;
    }

    void set(String isoInstant) {
        set(Instant.parse(isoInstant));
    }

    void advance(Duration by) {
        this.now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("fixed to UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
