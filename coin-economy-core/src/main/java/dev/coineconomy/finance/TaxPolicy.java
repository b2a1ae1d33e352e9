package dev.coineconomy.finance;

import dev.coineconomy.Region;
import dev.coineconomy.money.Ratio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The tax rule of each region, with a default for regions not listed.
 *
 * <p>The default of {@link #REFERENCE} is {@link TaxRule#EXCLUSIVE}: no tax is held back from the gross
 * of a region the policy does not know. We chose that over guessing a rate because a wrong non-zero rate
 * would silently misstate revenue, while an exclusive default shows the whole price as sales until the
 * host configures the region (a host selling in VAT regions must list them).
 *
 * <p>Immutable and thread-safe; the withers return new policies.
 *
 * @param rules       the rule per region
 * @param defaultRule the rule of every other region
 */
public record TaxPolicy(Map<Region, TaxRule> rules, TaxRule defaultRule) {

    /** The reference: US prices exclude sales tax; GB prices include 20% VAT; elsewhere exclusive. */
    public static final TaxPolicy REFERENCE = new TaxPolicy(
            Map.of(Region.of("US"), TaxRule.EXCLUSIVE, Region.of("GB"), TaxRule.included(Ratio.of(1, 5))),
            TaxRule.EXCLUSIVE);

    /**
     * Validates and copies the rules.
     *
     * @param rules       the rule per region
     * @param defaultRule the rule of every other region
     * @throws NullPointerException if an argument, key or value is {@code null}
     */
    public TaxPolicy {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(defaultRule, "defaultRule");
        Map<Region, TaxRule> copy = new LinkedHashMap<>();
        rules.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "region"), Objects.requireNonNull(v, "rule")));
        rules = Map.copyOf(copy);
    }

    /**
     * The rule of a region.
     *
     * @param region the buyer's region
     * @return its rule, or the default
     */
    public TaxRule rule(Region region) {
        Objects.requireNonNull(region, "region");
        return rules.getOrDefault(region, defaultRule);
    }

    /**
     * Sets the rule of a region.
     *
     * @param region the region
     * @param rule   its rule
     * @return a policy with that rule
     */
    public TaxPolicy withRule(Region region, TaxRule rule) {
        Map<Region, TaxRule> copy = new LinkedHashMap<>(rules);
        copy.put(Objects.requireNonNull(region, "region"), Objects.requireNonNull(rule, "rule"));
        return new TaxPolicy(copy, defaultRule);
    }

    /**
     * Replaces the default rule.
     *
     * @param rule the rule of regions not listed
     * @return a policy with that default
     */
    public TaxPolicy withDefaultRule(TaxRule rule) {
        return new TaxPolicy(rules, rule);
    }
}
