package dev.coineconomy.catalog;

import dev.coineconomy.Region;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where, when and in which contexts a gift is offered. Offering is checked against the sender's region.
 *
 * <p>{@link #ALWAYS} offers a gift everywhere, at any time, on LIVE and on VIDEO; the withers narrow it:
 * {@code GiftAvailability.ALWAYS.withRegions(Region.of("US")).withWindow(from, until).withContexts(GiftContext.LIVE)}.
 * The window is half-open: a gift is offered at {@code availableFrom} and no longer at
 * {@code availableUntil}.
 *
 * <p>Immutable and thread-safe. The sets are unmodifiable copies; regions iterate in code order.
 *
 * @param regions        the regions where the gift is offered; empty means everywhere
 * @param availableFrom  the first instant the gift is offered (inclusive), or {@code null} for no start
 * @param availableUntil the instant the gift stops being offered (exclusive), or {@code null} for no end
 * @param contexts       the contexts the gift is offered in, at least one
 */
public record GiftAvailability(Set<Region> regions, Instant availableFrom, Instant availableUntil,
                               Set<GiftContext> contexts) {

    /** Everywhere, at any time, on LIVE and on VIDEO. */
    public static final GiftAvailability ALWAYS =
            new GiftAvailability(Set.of(), null, null, EnumSet.allOf(GiftContext.class));

    /**
     * Validates the availability and copies the sets.
     *
     * @param regions        the regions where the gift is offered; empty means everywhere
     * @param availableFrom  the first instant the gift is offered (inclusive), or {@code null} for no start
     * @param availableUntil the instant the gift stops being offered (exclusive), or {@code null} for no end
     * @param contexts       the contexts the gift is offered in, at least one
     * @throws NullPointerException     if a set or an element of one is {@code null}
     * @throws IllegalArgumentException if {@code contexts} is empty, or both instants are given and
     *                                  {@code availableFrom} is not before {@code availableUntil}
     */
    public GiftAvailability {
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(contexts, "contexts");
        TreeSet<Region> sortedRegions = new TreeSet<>(Comparator.comparing(Region::code));
        for (Region region : regions) {
            sortedRegions.add(Objects.requireNonNull(region, "region in regions"));
        }
        if (contexts.isEmpty()) {
            throw new IllegalArgumentException("contexts must name at least one of LIVE, VIDEO; got none");
        }
        EnumSet<GiftContext> contextCopy = EnumSet.noneOf(GiftContext.class);
        for (GiftContext context : contexts) {
            contextCopy.add(Objects.requireNonNull(context, "context in contexts"));
        }
        if (availableFrom != null && availableUntil != null && !availableFrom.isBefore(availableUntil)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "availableFrom %s must be before availableUntil %s", availableFrom, availableUntil));
        }
        regions = Collections.unmodifiableSet(sortedRegions);
        contexts = Collections.unmodifiableSet(contextCopy);
    }

    /**
     * Offered only in some regions, at any time, on LIVE and on VIDEO.
     *
     * @param first the first region
     * @param more  further regions
     * @return the availability
     */
    public static GiftAvailability onlyIn(Region first, Region... more) {
        return ALWAYS.withRegions(first, more);
    }

    /**
     * Offered everywhere on LIVE and VIDEO, within a window.
     *
     * @param from  the first instant (inclusive), or {@code null} for no start
     * @param until the end (exclusive), or {@code null} for no end
     * @return the availability
     */
    public static GiftAvailability between(Instant from, Instant until) {
        return ALWAYS.withWindow(from, until);
    }

    /**
     * Replaces the regions.
     *
     * @param value the regions; empty means everywhere
     * @return an availability with those regions
     */
    public GiftAvailability withRegions(Collection<Region> value) {
        Objects.requireNonNull(value, "regions");
        return new GiftAvailability(new HashSet<>(value), availableFrom, availableUntil, contexts);
    }

    /**
     * Replaces the regions.
     *
     * @param first the first region
     * @param more  further regions
     * @return an availability offered only in those regions
     */
    public GiftAvailability withRegions(Region first, Region... more) {
        Objects.requireNonNull(first, "region");
        Objects.requireNonNull(more, "regions");
        TreeSet<Region> all = new TreeSet<>(Comparator.comparing(Region::code));
        all.add(first);
        for (Region r : more) {
            all.add(Objects.requireNonNull(r, "region in regions"));
        }
        return new GiftAvailability(all, availableFrom, availableUntil, contexts);
    }

    /** @return an availability offered in every region, otherwise like this one */
    public GiftAvailability everywhere() {
        return new GiftAvailability(Set.of(), availableFrom, availableUntil, contexts);
    }

    /**
     * Replaces the window.
     *
     * @param from  the first instant (inclusive), or {@code null} for no start
     * @param until the end (exclusive), or {@code null} for no end
     * @return an availability with that window
     */
    public GiftAvailability withWindow(Instant from, Instant until) {
        return new GiftAvailability(regions, from, until, contexts);
    }

    /**
     * Replaces the contexts.
     *
     * @param first the first context
     * @param more  further contexts
     * @return an availability offered only in those contexts
     */
    public GiftAvailability withContexts(GiftContext first, GiftContext... more) {
        Objects.requireNonNull(first, "context");
        Objects.requireNonNull(more, "contexts");
        EnumSet<GiftContext> all = EnumSet.of(first);
        for (GiftContext c : more) {
            all.add(Objects.requireNonNull(c, "context in contexts"));
        }
        return new GiftAvailability(regions, availableFrom, availableUntil, all);
    }

    /**
     * Replaces the contexts.
     *
     * @param value at least one context
     * @return an availability offered only in those contexts
     */
    public GiftAvailability withContexts(Collection<GiftContext> value) {
        Objects.requireNonNull(value, "contexts");
        return new GiftAvailability(regions, availableFrom, availableUntil, new HashSet<>(value));
    }

    /**
     * Whether the gift is offered in a region.
     *
     * @param region the sender's region
     * @return whether {@link #regions()} is empty or contains it
     */
    public boolean offeredIn(Region region) {
        Objects.requireNonNull(region, "region");
        return regions.isEmpty() || regions.contains(region);
    }

    /**
     * Whether an instant lies in the window {@code [availableFrom, availableUntil)}.
     *
     * @param at the instant
     * @return whether the gift is offered then
     */
    public boolean offeredAt(Instant at) {
        Objects.requireNonNull(at, "at");
        return (availableFrom == null || !at.isBefore(availableFrom))
                && (availableUntil == null || at.isBefore(availableUntil));
    }

    /**
     * Whether the gift is offered in a context.
     *
     * @param context LIVE or VIDEO
     * @return whether {@link #contexts()} contains it
     */
    public boolean offeredOn(GiftContext context) {
        return contexts.contains(Objects.requireNonNull(context, "context"));
    }

    /**
     * Checks whether a gift may be sent. The checks run in this order and the first that fails is the
     * reason: region, window, context.
     *
     * @param senderRegion the sender's region
     * @param at           the instant of the command
     * @param context      where the gift is sent
     * @return empty if the gift is offered, else why not
     * @throws NullPointerException if an argument is {@code null}
     */
    public Optional<UnavailableReason> check(Region senderRegion, Instant at, GiftContext context) {
        Objects.requireNonNull(senderRegion, "senderRegion");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(context, "context");
        if (!offeredIn(senderRegion)) {
            return Optional.of(UnavailableReason.REGION);
        }
        if (!offeredAt(at)) {
            return Optional.of(UnavailableReason.WINDOW);
        }
        if (!offeredOn(context)) {
            return Optional.of(UnavailableReason.CONTEXT);
        }
        return Optional.empty();
    }

    /**
     * Whether a gift may be sent; {@link #check} says why not.
     *
     * @param senderRegion the sender's region
     * @param at           the instant of the command
     * @param context      where the gift is sent
     * @return whether {@link #check} finds no reason against it
     */
    public boolean isAvailable(Region senderRegion, Instant at, GiftContext context) {
        return check(senderRegion, at, context).isEmpty();
    }

    /**
     * The window in words, e.g. {@code "from 2026-12-01T00:00:00Z until 2027-01-01T00:00:00Z"}.
     *
     * @return the window, {@code "at any time"} if it is unbounded
     */
    public String describeWindow() {
        if (availableFrom == null && availableUntil == null) {
            return "at any time";
        }
        if (availableUntil == null) {
            return "from " + availableFrom;
        }
        if (availableFrom == null) {
            return "until " + availableUntil;
        }
        return "from " + availableFrom + " until " + availableUntil;
    }
}
