package dev.coineconomy.ledger;

import java.util.Map;
import java.util.Objects;

/**
 * One thing {@code CoinEconomy.audit()} found wrong with the ledger.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code    what is wrong, e.g. {@code "WALLET_MISMATCH"} (see {@code docs/finance.md} for the list)
 * @param message a description naming the account, user or entry and the numbers involved
 * @param values  the numbers involved, by name
 */
public record AuditFinding(String code, String message, Map<String, Object> values) {

    /**
     * Copies the values and checks presence.
     *
     * @param code    what is wrong, e.g. {@code "WALLET_MISMATCH"} (see {@code docs/finance.md} for the list)
     * @param message a description naming the account, user or entry and the numbers involved
     * @param values  the numbers involved, by name
     */
    public AuditFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        values = Map.copyOf(values);
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
