package dev.coineconomy;

import dev.coineconomy.internal.Identifiers;

/** Shared validation of identifier strings. */
final class Ids {

    /** The longest identifier accepted, in characters. */
    static final int MAX_LENGTH = Identifiers.MAX_LENGTH;

    private Ids() {
    }

    static String requireValid(String value, String what) {
        return Identifiers.requireValid(value, what);
    }
}
