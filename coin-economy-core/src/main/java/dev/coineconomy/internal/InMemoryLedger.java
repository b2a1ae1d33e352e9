package dev.coineconomy.internal;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.RequestId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;

import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of an in-memory economy: journal, accounts, idempotency index and the count of coins
 * issued. Reads journal slots back into receipts and entries. Thread-safe.
 */
public final class InMemoryLedger {

    private static final long NANOS = 1_000_000_000L;

    private final Journal journal = new Journal();
    private final Users users = new Users();
    private final RequestIndex requests = new RequestIndex(journal);
    private final AtomicLong coinsIssued = new AtomicLong();
    private final CatalogIndex catalog;
    private final String policyVersion;
    private final Currency payoutCurrency;

    /**
     * Creates an empty ledger.
     *
     * @param catalog        the numbered catalog the journal's item column refers to
     * @param policyVersion  the policy version entries record
     * @param payoutCurrency the currency of withdrawal payouts
     */
    public InMemoryLedger(CatalogIndex catalog, String policyVersion, Currency payoutCurrency) {
        this.catalog = catalog;
        this.policyVersion = policyVersion;
        this.payoutCurrency = payoutCurrency;
    }

    /** @return the journal */
    public Journal journal() {
        return journal;
    }

    /** @return the accounts */
    public Users users() {
        return users;
    }

    /** @return the idempotency index */
    public RequestIndex requests() {
        return requests;
    }

    /** @return the count of coins ever issued */
    public AtomicLong coinsIssued() {
        return coinsIssued;
    }

    /**
     * Converts an instant to the journal's epoch-nanosecond column.
     *
     * @throws IllegalStateException if the instant is outside the years 1678 to 2261
     */
    public static long toNanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "clock instant %s is outside the range the journal records (1678 to 2261)", instant), e);
        }
    }

    private static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    /**
     * The receipt of a committed slot.
     *
     * @param i the slot
     * @return the receipt, equal to the one returned when the command was accepted
     */
    public Receipt receipt(int i) {
        RequestId requestId = RequestId.of(journal.keyString(i));
        long sequence = i + 1L;
        Instant instant = toInstant(journal.instant(i));
        String catalogVersion = catalog.catalog().version();
        switch (journal.kind(i)) {
            case Journal.PURCHASE: {
                CatalogIndex.PriceRow row = catalog.row(journal.item(i));
                return new PurchaseReceipt(requestId, sequence, instant, users.at(journal.userA(i)).id(),
                        row.pack().id(), row.region(), row.channel(), Coins.of(journal.amount1(i)), row.price(),
                        catalogVersion, policyVersion);
            }
            case Journal.GIFT: {
                CatalogIndex.GiftSlot gift = catalog.gift(journal.item(i));
                long coins = journal.amount1(i);
                return new GiftReceipt(requestId, sequence, instant, users.at(journal.userA(i)).id(),
                        users.at(journal.userB(i)).id(), gift.gift().id(), coins / gift.price(),
                        Coins.of(coins), Diamonds.of(journal.amount2(i)), catalogVersion, policyVersion);
            }
            case Journal.WITHDRAWAL:
                return new WithdrawalReceipt(requestId, sequence, instant, users.at(journal.userA(i)).id(),
                        Diamonds.of(journal.amount1(i)), Money.ofMinor(payoutCurrency, journal.amount2(i)),
                        catalogVersion, policyVersion);
            default:
                throw new IllegalStateException("journal slot " + i + " has unknown kind " + journal.kind(i));
        }
    }

    /**
     * The entry of a committed slot.
     *
     * @param i the slot
     * @return the entry with its postings
     */
    public JournalEntry entry(int i) {
        Receipt receipt = receipt(i);
        return new JournalEntry(receipt, Postings.of(receipt));
    }

    /**
     * Whether a committed slot involves a user (as actor, sender or creator).
     *
     * @param i         the slot
     * @param userIndex the user's account index
     * @return whether the entry posts to that user's accounts
     */
    public boolean involves(int i, int userIndex) {
        return journal.userA(i) == userIndex || journal.userB(i) == userIndex;
    }
}
