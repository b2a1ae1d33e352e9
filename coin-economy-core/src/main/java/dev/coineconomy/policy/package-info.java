/**
 * The configurable rules: {@link dev.coineconomy.policy.ConversionPolicy coin → diamond} with exact carry,
 * {@link dev.coineconomy.policy.PayoutPolicy diamond → cash} with an exact
 * {@link dev.coineconomy.policy.DiamondValue rate}, bundled in a versioned
 * {@link dev.coineconomy.policy.EconomyPolicy}; who may buy, send and receive
 * ({@link dev.coineconomy.policy.EligibilityPolicy}) and per-user spending caps
 * ({@link dev.coineconomy.policy.SpendingLimits}).
 */
package dev.coineconomy.policy;
