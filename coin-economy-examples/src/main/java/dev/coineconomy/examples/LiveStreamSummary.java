package dev.coineconomy.examples;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.EconomyPolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
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
 * @param topGifters  the five viewers who spent most coins on gifts, biggest first
 * @param creator     what the creator received, cashed out and still holds
 * @param withdrawals the creator's accepted withdrawals, oldest first
 * @param currencies  revenue and creator value per sales currency
 * @param rejections  rejected commands per code (codes never seen are absent)
 * @param requests    counts of commands sent, accepted, rejected and retried
 * @param checks      the conservation checks
 */
public record LiveStreamSummary(long seed, int viewers, int buyers, int gifters, Instant start, Duration length,
                                EconomyPolicy policy, List<PackLine> packs, List<GiftLine> gifts,
                                List<GifterLine> topGifters, CreatorLine creator,
                                List<WithdrawalReceipt> withdrawals, List<CurrencyLine> currencies,
                                Map<RejectionCode, Integer> rejections, Requests requests, List<Check> checks) {

    /** Copies the lists and the map. */
    public LiveStreamSummary {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(requests, "requests");
        packs = List.copyOf(packs);
        gifts = List.copyOf(gifts);
        topGifters = List.copyOf(topGifters);
        withdrawals = List.copyOf(withdrawals);
        currencies = List.copyOf(currencies);
        checks = List.copyOf(checks);
        Map<RejectionCode, Integer> copy = new EnumMap<>(RejectionCode.class);
        copy.putAll(rejections);
        rejections = Collections.unmodifiableMap(copy);
    }

    /** @return whether every conservation check passed */
    public boolean conservationOk() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::ok);
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
     * @param user   the viewer
     * @param region where they bought their coins
     * @param sends  accepted gift commands
     * @param coins  coins spent on gifts
     */
    public record GifterLine(int rank, UserId user, Region region, int sends, long coins) {
    }

    /**
     * The creator's side.
     *
     * @param user              the creator
     * @param coinsReceived     coins gifted to the creator
     * @param diamondsEarned    diamonds credited for them
     * @param earnedValue       their exact cash value (may have sub-cent digits)
     * @param diamondsWithdrawn diamonds cashed out
     * @param paid              cash paid for them
     * @param diamondsHeld      diamonds still in the wallet
     * @param heldValue         their exact cash value
     * @param heldReason        why they were not cashed out
     */
    public record CreatorLine(UserId user, long coinsReceived, long diamondsEarned, BigDecimal earnedValue,
                              long diamondsWithdrawn, Money paid, long diamondsHeld, BigDecimal heldValue,
                              String heldReason) {
    }

    /**
     * Money taken in one currency, and the value of the diamonds that the coins bought with it earned
     * the creator. Each viewer buys in one currency, so gifts are attributed to it exactly.
     *
     * @param currency         the sales currency
     * @param revenue          gross sales in it
     * @param coinsSold        coins sold for it
     * @param coinsGifted      of those coins, the ones gifted to the creator
     * @param diamondsCredited diamonds credited for those gifts
     * @param creatorValue     their exact value, in the payout currency
     * @param kept             revenue − creator value when the currencies agree; {@code null} otherwise
     *                         (the library has no exchange rate, so the two are not netted)
     */
    public record CurrencyLine(Currency currency, Money revenue, long coinsSold, long coinsGifted,
                               long diamondsCredited, BigDecimal creatorValue, BigDecimal kept) {
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
