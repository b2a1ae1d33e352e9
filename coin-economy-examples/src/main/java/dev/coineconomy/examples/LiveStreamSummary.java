package dev.coineconomy.examples;

import dev.coineconomy.Channel;
import dev.coineconomy.ChargebackReceipt;
import dev.coineconomy.GrantReceipt;
import dev.coineconomy.RefundReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.Wallet;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.event.EconomyEvent;
import dev.coineconomy.finance.FinanceReport;
import dev.coineconomy.ledger.AuditFinding;
import dev.coineconomy.ledger.Payout;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.EligibilityAction;
import dev.coineconomy.policy.IneligibilityReason;
import dev.coineconomy.profile.UserProfile;
import dev.coineconomy.stream.StreamSummary;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one simulated live stream: what was sold, gifted, earned and paid, what was rejected,
 * and the conservation checks computed from the journal. Immutable.
 *
 * @param seed        the seed of the run
 * @param viewers     the number of viewers who watched
 * @param buyers      how many of them bought at least one pack
 * @param gifters     how many of them sent at least one gift
 * @param start       when the stream started
 * @param length      how long it lasted
 * @param policy      the policy in force
 * @param packs       sales per pack × region × channel, in catalog order
 * @param gifts       gifts sent, per gift type, cheapest first
 * @param topGifters  the five viewers who spent most coins on gifts, biggest first, tallied from the
 *                    receipts (ties to whoever reached the amount first, like the stream's leaderboard)
 * @param stream      the stream's final summary from the economy, with its top-5 leaderboard
 * @param refusals    the {@code NOT_ELIGIBLE} rejections, in the order they happened
 * @param creator     what the creator received, cashed out and still holds
 * @param withdrawals the creator's accepted withdrawals, oldest first
 * @param ledger      grants, refund, chargeback, payouts, events, finance report and audit
 * @param rejections  rejected commands per code (codes never seen are absent)
 * @param requests    counts of commands sent, accepted, rejected and retried
 * @param checks      the conservation checks
 */
public record LiveStreamSummary(long seed, int viewers, int buyers, int gifters, Instant start, Duration length,
                                EconomyPolicy policy, List<PackLine> packs, List<GiftLine> gifts,
                                List<GifterLine> topGifters, StreamSummary stream, List<Refusal> refusals,
                                CreatorLine creator, List<WithdrawalReceipt> withdrawals, Ledger ledger,
                                Map<RejectionCode, Integer> rejections, Requests requests, List<Check> checks) {

    /** Copies the lists and the map. */
    public LiveStreamSummary {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(ledger, "ledger");
        refusals = List.copyOf(refusals);
        packs = List.copyOf(packs);
        gifts = List.copyOf(gifts);
        topGifters = List.copyOf(topGifters);
        withdrawals = List.copyOf(withdrawals);
        checks = List.copyOf(checks);
        Map<RejectionCode, Integer> copy = new EnumMap<>(RejectionCode.class);
        copy.putAll(rejections);
        rejections = Collections.unmodifiableMap(copy);
    }

    /** @return whether every conservation check passed */
    public boolean conservationOk() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::ok);
    }

    /** @return whether the replay audit of the journal found nothing wrong */
    public boolean auditClean() {
        return ledger.audit().isEmpty();
    }

    /** @return the {@code NOT_ELIGIBLE} rejections per reason (reasons never seen are absent) */
    public Map<IneligibilityReason, Integer> notEligibleByReason() {
        Map<IneligibilityReason, Integer> out = new EnumMap<>(IneligibilityReason.class);
        refusals.forEach(r -> out.merge(r.reason(), 1, Integer::sum));
        return Collections.unmodifiableMap(out);
    }

    /** @return the coins of every pack sold */
    public long coinsSold() {
        return packs.stream().mapToLong(PackLine::coins).sum();
    }

    /** @return the coins spent on every gift sent */
    public long giftCoins() {
        return gifts.stream().mapToLong(GiftLine::coins).sum();
    }

    /** @return the number of rejected commands */
    public int rejected() {
        return rejections.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Sales of one pack in one region and channel.
     *
     * @param packId  the pack
     * @param region  the region
     * @param channel the channel
     * @param price   the catalog price there
     * @param sold    how many were bought
     * @param coins   the coins they credited
     * @param revenue what they cost the buyers, {@code sold × price}
     */
    public record PackLine(String packId, Region region, Channel channel, Money price, int sold, long coins,
                           Money revenue) {
    }

    /**
     * Gifts of one type.
     *
     * @param giftId   the gift
     * @param name     its display name
     * @param price    its price in coins
     * @param sends    accepted gift commands
     * @param quantity gifts sent by them in all
     * @param coins    coins spent on them
     * @param diamonds diamonds credited for them
     */
    public record GiftLine(String giftId, String name, long price, int sends, long quantity, long coins,
                           long diamonds) {
    }

    /**
     * One of the top gifters.
     *
     * @param rank   1 for the biggest
     * @param user    the viewer
     * @param region  where they bought their coins
     * @param sends   accepted gift commands
     * @param coins   coins spent on gifts
     * @param reached the journal sequence of the gift that brought them to {@code coins}
     */
    public record GifterLine(int rank, UserId user, Region region, int sends, long coins, long reached) {
    }

    /**
     * A viewer the profile directory's facts kept out.
     *
     * @param user    the viewer
     * @param profile their profile
     * @param action  what they tried
     * @param reason  why it was refused
     * @param at      when
     */
    public record Refusal(UserId user, UserProfile profile, EligibilityAction action, IneligibilityReason reason,
                          Instant at) {
    }

    /**
     * A buyer whose purchase was charged back, owing coins and therefore restricted.
     *
     * @param user          the buyer
     * @param wallet        their wallet after the chargeback
     * @param giftAttempt   the request id of the gift they then tried
     * @param giftRejection its rejection, or {@code null} if it was accepted
     */
    public record Restriction(UserId user, Wallet wallet, RequestId giftAttempt, RejectionCode giftRejection) {
    }

    /**
     * The money side of the run.
     *
     * @param grants           promotional coins granted
     * @param refund           the refund of an unused purchase, or {@code null} if there was none to refund
     * @param chargeback       the chargeback, or {@code null} if no purchase qualified
     * @param restriction      the charged-back buyer afterwards, or {@code null}
     * @param payouts          the payout of every withdrawal as it stands at the end, oldest first
     * @param events           committed events seen by the listener, per kind
     * @param listenerFailures listener calls that threw
     * @param reportFrom       start of the finance report's period (inclusive)
     * @param reportTo         its end (exclusive)
     * @param finance          the finance report, one per currency
     * @param audit            what {@code audit()} found; empty when the ledger is healthy
     * @param journalEntries   the journal entries the audit replayed
     */
    public record Ledger(List<GrantReceipt> grants, RefundReceipt refund, ChargebackReceipt chargeback,
                         Restriction restriction, List<Payout> payouts, Map<EconomyEvent.Kind, Long> events,
                         long listenerFailures, Instant reportFrom, Instant reportTo, List<FinanceReport> finance,
                         List<AuditFinding> audit, long journalEntries) {

        /** Copies the lists and the map. */
        public Ledger {
            grants = List.copyOf(grants);
            payouts = List.copyOf(payouts);
            finance = List.copyOf(finance);
            audit = List.copyOf(audit);
            Map<EconomyEvent.Kind, Long> copy = new EnumMap<>(EconomyEvent.Kind.class);
            copy.putAll(events);
            events = Collections.unmodifiableMap(copy);
            Objects.requireNonNull(reportFrom, "reportFrom");
            Objects.requireNonNull(reportTo, "reportTo");
        }

        /** @return the number of events the listener saw */
        public long eventCount() {
            return events.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The creator's side.
     *
     * @param user              the creator
     * @param coinsReceived     coins gifted to the creator
     * @param diamondsEarned    diamonds credited for them
     * @param earnedValue       their exact cash value (may have sub-cent digits)
     * @param diamondsPaid      diamonds of settled (PAID) payouts
     * @param paid              cash paid for them
     * @param diamondsPending   diamonds of payouts still PENDING
     * @param pending           their cash value
     * @param diamondsHeld      diamonds still in the wallet
     * @param heldValue         their exact cash value
     * @param heldReason        why they were not cashed out
     */
    public record CreatorLine(UserId user, long coinsReceived, long diamondsEarned, BigDecimal earnedValue,
                              long diamondsPaid, Money paid, long diamondsPending, Money pending,
                              long diamondsHeld, BigDecimal heldValue, String heldReason) {
    }

    /**
     * Counts of the commands sent.
     *
     * @param sent             every command sent, duplicates and resends included
     * @param accepted         distinct accepted commands (= journal entries)
     * @param duplicates       accepted commands delivered a second time with the same request id
     * @param duplicatesEqual  of those, the ones that returned the original receipt
     * @param resentAfterTopUp gifts rejected for want of coins, resent with the same id after a top-up
     * @param resentAccepted   of those, the ones accepted
     */
    public record Requests(int sent, int accepted, int duplicates, int duplicatesEqual, int resentAfterTopUp,
                           int resentAccepted) {
    }

    /**
     * One conservation check.
     *
     * @param name     what is compared
     * @param expected the expected figure
     * @param actual   the figure found
     * @param ok       whether they agree
     */
    public record Check(String name, String expected, String actual, boolean ok) {
    }
}
