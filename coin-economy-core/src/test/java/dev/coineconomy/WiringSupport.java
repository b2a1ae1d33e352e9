package dev.coineconomy;

import org.junit.jupiter.api.function.Executable;

import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shared checks of the facade-level wiring tests of issue 5: a rejected command throws the expected
 * {@link EconomyException} with the expected values, changes nothing observable, and leaves its request
 * id free.
 */
final class WiringSupport {

    private WiringSupport() {
    }

    /**
     * Runs a command that must be rejected and checks code, values, message prefix and "nothing changed".
     *
     * @param economy the economy
     * @param users   the users whose wallets and statements are compared
     * @param id      the command's request id, which must stay free
     * @param code    the expected code
     * @param command the command
     * @param values  expected values as name, value pairs (a subset of the rejection's values)
     * @return the rejection
     */
    static EconomyException rejected(CoinEconomy economy, Collection<UserId> users, RequestId id, RejectionCode code,
                                     Executable command, Object... values) {
        StateSnapshot before = StateSnapshot.of(economy, users);
        EconomyException e = assertThrowsExactly(EconomyException.class, command);
        assertEquals(code, e.code(), e::getMessage);
        assertTrue(e.getMessage().startsWith(code.name()), () -> "message should start with the code: " + e.getMessage());
        for (int i = 0; i < values.length; i += 2) {
            String name = (String) values[i];
            assertTrue(e.values().containsKey(name), () -> "no value '" + name + "' in " + e.values());
            assertEquals(values[i + 1], e.values().get(name), () -> "value '" + name + "' of " + e.getMessage());
        }
        if (id == null) {
            StateSnapshot.assertUnchanged(before, economy, users);
        } else {
            StateSnapshot.assertUnchanged(before, economy, users, id);
        }
        return e;
    }
}
