package dev.coineconomy.internal;

import dev.coineconomy.RequestId;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The idempotency index finds every inserted request id at its journal slot, through many table
 * growths, and finds nothing for ids never inserted.
 */
class RequestIndexTest {

    @Test
    void findsEveryInsertedKeyAndNoOther() {
        Journal journal = new Journal();
        RequestIndex index = new RequestIndex(journal);
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            byte[] key = RequestIndex.key(RequestId.of("req-" + i));
            int hash = RequestIndex.hash(key);
            RequestIndex.Stripe stripe = index.stripe(hash);
            synchronized (stripe) {
                assertEquals(-1, index.find(stripe, hash, key), "absent before insert");
                int slot = journal.append(Journal.GIFT, i, 0, 1, 0, 1, 1, key);
                index.insert(stripe, hash, slot);
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(i, find(index, "req-" + i));
            assertEquals(-1, find(index, "req-" + (n + i)));
            assertEquals(-1, find(index, "Req-" + i));
        }
    }

    private static int find(RequestIndex index, String id) {
        byte[] key = RequestIndex.key(RequestId.of(id));
        int hash = RequestIndex.hash(key);
        RequestIndex.Stripe stripe = index.stripe(hash);
        synchronized (stripe) {
            return index.find(stripe, hash, key);
        }
    }
}
