package dev.coineconomy.store;

/**
 * The store could not do its work: the database failed, its schema is missing, unknown or newer than
 * this library, or a transaction kept conflicting after every retry. Nothing of the failed command was
 * committed. Not a business rejection (those are {@link dev.coineconomy.EconomyException}).
 */
public class LedgerStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the underlying error, may be {@code null}
     */
    public LedgerStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message what failed
     */
    public LedgerStoreException(String message) {
        super(message);
    }
}
