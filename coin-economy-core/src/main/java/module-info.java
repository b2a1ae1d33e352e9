/**
 * coin-economy: exact rules for a virtual coin economy (coin packs, gifts, diamonds, cash-out).
 * Exports the API packages only; {@code dev.coineconomy.internal} is not exported.
 */
module dev.coineconomy {
    requires org.slf4j;
    requires transitive java.sql;

    exports dev.coineconomy;
    exports dev.coineconomy.money;
    exports dev.coineconomy.catalog;
    exports dev.coineconomy.policy;
    exports dev.coineconomy.ledger;
    exports dev.coineconomy.store;
    exports dev.coineconomy.stream;
    exports dev.coineconomy.event;
    exports dev.coineconomy.profile;
    exports dev.coineconomy.finance;
}
