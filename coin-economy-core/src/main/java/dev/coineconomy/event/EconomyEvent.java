package dev.coineconomy.event;

import dev.coineconomy.ChargebackReceipt;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.GrantReceipt;
import dev.coineconomy.PayoutFailedReceipt;
import dev.coineconomy.PayoutSettledReceipt;
import dev.coineconomy.RefundReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.RequestId;
import dev.coineconomy.WithdrawalReceipt;

import java.util.Locale;
import java.util.Objects;

/**
 * One committed command, as delivered to {@link EconomyListener}s: what kind of command it was and its
 * receipt. New commands (refunds, chargebacks, payout outcomes, grants…) arrive as new {@link Kind}s with
 * their own receipt types, so the listener interface does not change when they are added.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind    the kind of command
 * @param receipt its receipt, of the type the kind names
 */
public record EconomyEvent(Kind kind, Receipt receipt) {

    /** The kinds of committed command. New constants may be added. */
    public enum Kind {
        /** A coin pack was bought: a {@link PurchaseReceipt}. */
        PURCHASE,
        /** Gifts were sent: a {@link GiftReceipt}. */
        GIFT,
        /** Diamonds were cashed out: a {@link WithdrawalReceipt}. */
        WITHDRAWAL,
        /** A purchase was refunded: a {@link dev.coineconomy.RefundReceipt}. */
        REFUND,
        /** A purchase was charged back: a {@link dev.coineconomy.ChargebackReceipt}. */
        CHARGEBACK,
        /** A pending payout was paid: a {@link dev.coineconomy.PayoutSettledReceipt}. */
        PAYOUT_SETTLED,
        /** A pending payout failed and its diamonds were returned: a {@link dev.coineconomy.PayoutFailedReceipt}. */
        PAYOUT_FAILED,
        /** Coins were granted by the platform: a {@link dev.coineconomy.GrantReceipt}. */
        GRANT
    }

    /**
     * Validates that the receipt matches the kind: each kind carries exactly its receipt type
     * ({@code GRANT} a {@code GrantReceipt}, {@code REFUND} a {@code RefundReceipt}, {@code CHARGEBACK} a
     * {@code ChargebackReceipt}, {@code PAYOUT_SETTLED} a {@code PayoutSettledReceipt}, {@code PAYOUT_FAILED}
     * a {@code PayoutFailedReceipt}).
     *
     * @param kind    the kind of command
     * @param receipt its receipt, of the type the kind names
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if the receipt does not match the kind
     */
    public EconomyEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receipt, "receipt");
        Kind expected = knownKind(receipt);
        boolean matches = kind == expected;
        if (!matches) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a %s event cannot carry a %s",
                    kind, receipt.getClass().getSimpleName()));
        }
    }

    /**
     * The event of a purchase, gift or withdrawal receipt.
     *
     * @param receipt the receipt
     * @return the event, of the receipt's kind
     * @throws IllegalArgumentException if the receipt's kind cannot be derived from its type (use the
     *                                  constructor)
     */
    public static EconomyEvent of(Receipt receipt) {
        Kind kind = knownKind(Objects.requireNonNull(receipt, "receipt"));
        if (kind == null) {
            throw new IllegalArgumentException("name the kind of a " + receipt.getClass().getSimpleName());
        }
        return new EconomyEvent(kind, receipt);
    }

    private static Kind knownKind(Receipt receipt) {
        if (receipt instanceof PurchaseReceipt) {
            return Kind.PURCHASE;
        }
        if (receipt instanceof GiftReceipt) {
            return Kind.GIFT;
        }
        if (receipt instanceof WithdrawalReceipt) {
            return Kind.WITHDRAWAL;
        }
        if (receipt instanceof GrantReceipt) {
            return Kind.GRANT;
        }
        if (receipt instanceof RefundReceipt) {
            return Kind.REFUND;
        }
        if (receipt instanceof ChargebackReceipt) {
            return Kind.CHARGEBACK;
        }
        if (receipt instanceof PayoutSettledReceipt) {
            return Kind.PAYOUT_SETTLED;
        }
        if (receipt instanceof PayoutFailedReceipt) {
            return Kind.PAYOUT_FAILED;
        }
        return null;
    }

    /** @return the command's journal sequence (its commit order) */
    public long sequence() {
        return receipt.sequence();
    }

    /** @return the command's idempotency key */
    public RequestId requestId() {
        return receipt.requestId();
    }
}
