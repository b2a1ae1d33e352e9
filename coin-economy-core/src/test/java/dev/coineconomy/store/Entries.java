package dev.coineconomy.store;

import dev.coineconomy.Channel;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/** Balanced journal entries of each receipt kind, as the facade would build them. */
final class Entries {

    static final Instant AT = Instant.parse("2026-11-25T10:15:30.123456789Z");

    private Entries() {
    }

    static LongFunction<JournalEntry> purchase(String request, String user, long coins, String currency, long minor) {
        return seq -> new JournalEntry(new PurchaseReceipt(RequestId.of(request), seq, AT.plusNanos(seq), UserId.of(user),
                "pack-" + coins, Region.of("us"), Channel.WEB, Coins.of(coins), Money.ofMinor(currency, minor),
                "catalog-1", "policy-1"), List.of(
                new Posting(AccountRef.user(AccountType.USER_COINS, UserId.of(user)), Unit.COINS, coins),
                new Posting(AccountRef.platform(AccountType.COIN_ISSUANCE), Unit.COINS, -coins),
                new Posting(AccountRef.platform(AccountType.PLATFORM_CASH), new Unit(currency), minor),
                new Posting(AccountRef.platform(AccountType.GROSS_SALES), new Unit(currency), -minor)));
    }

    static LongFunction<JournalEntry> gift(String request, String sender, String creator, long coins, long diamonds) {
        return seq -> new JournalEntry(new GiftReceipt(RequestId.of(request), seq, AT.plusSeconds(seq), UserId.of(sender),
                UserId.of(creator), "rose", 2, Coins.of(coins), Diamonds.of(diamonds), "catalog-1", "policy-2"), List.of(
                new Posting(AccountRef.user(AccountType.USER_COINS, UserId.of(sender)), Unit.COINS, -coins),
                new Posting(AccountRef.platform(AccountType.COINS_SPENT), Unit.COINS, coins),
                new Posting(AccountRef.user(AccountType.USER_DIAMONDS, UserId.of(creator)), Unit.DIAMONDS, diamonds),
                new Posting(AccountRef.platform(AccountType.DIAMOND_ISSUANCE), Unit.DIAMONDS, -diamonds)));
    }

    static LongFunction<JournalEntry> withdrawal(String request, String creator, long diamonds, String currency,
                                                 long minor) {
        return seq -> new JournalEntry(new WithdrawalReceipt(RequestId.of(request), seq, Instant.ofEpochSecond(-5, 7),
                UserId.of(creator), Diamonds.of(diamonds), Money.ofMinor(currency, minor), "catalog-2", "policy-2"),
                List.of(
                new Posting(AccountRef.user(AccountType.USER_DIAMONDS, UserId.of(creator)), Unit.DIAMONDS, -diamonds),
                new Posting(AccountRef.platform(AccountType.DIAMONDS_REDEEMED), Unit.DIAMONDS, diamonds),
                new Posting(AccountRef.platform(AccountType.PAYOUTS_PAID), new Unit(currency), minor),
                new Posting(AccountRef.platform(AccountType.PLATFORM_CASH), new Unit(currency), -minor)));
    }
}
