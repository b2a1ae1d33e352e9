package dev.coineconomy.store;

/**
 * A transient conflict with a concurrent transaction (a lock not granted in time, a deadlock, a
 * serialization failure, or a request id inserted by a racing transaction). Thrown by
 * {@link StoreTransaction} methods; the store rolls the attempt back and runs the work again, a bounded
 * number of times. Hosts see it only when the store gives up ({@link LedgerStoreException}).
 */
public class StoreConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what conflicted
     * @param cause   the underlying error, may be {@code null}
     */
    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
