package dev.coineconomy.event;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.WithdrawalReceipt;

/**
 * Told about every command the economy commits. Register listeners on the economy's builder.
 *
 * <p><b>When.</b> After the command has committed, once per accepted command (a retry that returns the
 * stored receipt is not a new event; a rejected command is none). Events reach listeners in commit
 * order (journal sequence), so each user sees their own events in the order they happened; every
 * listener gets each event before any listener gets a later one. Delivery is synchronous: by the time
 * the command returns, its listeners have run (except when the command was issued from inside a
 * listener: its event is delivered once that listener returns).
 *
 * <p><b>Failures.</b> A listener that throws neither undoes the command nor keeps it from returning
 * its receipt, and the other listeners still get the event. The economy logs the failure at WARN and
 * counts it.
 *
 * <p><b>Cost.</b> Listeners run on the committing threads, one event at a time: keep them short and
 * non-blocking (hand work to a queue), and never wait inside a listener for another command to finish.
 *
 * <p>Every method has a no-op default: override what you need. The economy calls
 * {@link #onEvent(EconomyEvent)} only; its default routes purchases, gifts and withdrawals to the typed
 * methods. Override {@code onEvent} to see every kind, including ones added later, and call
 * {@code EconomyListener.super.onEvent(event)} to keep the routing.
 */
public interface EconomyListener {

    /**
     * A command was committed. The default calls {@link #onPurchase}, {@link #onGift} or
     * {@link #onWithdrawal} for those kinds and ignores the others.
     *
     * @param event the command's kind and receipt
     */
    default void onEvent(EconomyEvent event) {
        switch (event.kind()) {
            case PURCHASE -> onPurchase((PurchaseReceipt) event.receipt());
            case GIFT -> onGift((GiftReceipt) event.receipt());
            case WITHDRAWAL -> onWithdrawal((WithdrawalReceipt) event.receipt());
            default -> {
                // later kinds: override onEvent to handle them
            }
        }
    }

    /**
     * A coin pack was bought.
     *
     * @param receipt the purchase's receipt
     */
    default void onPurchase(PurchaseReceipt receipt) {
    }

    /**
     * Gifts were sent.
     *
     * @param receipt the gift's receipt
     */
    default void onGift(GiftReceipt receipt) {
    }

    /**
     * Diamonds were cashed out.
     *
     * @param receipt the withdrawal's receipt
     */
    default void onWithdrawal(WithdrawalReceipt receipt) {
    }
}
