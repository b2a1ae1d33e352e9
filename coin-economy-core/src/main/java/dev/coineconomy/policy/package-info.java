/**
 * The configurable rules: {@link dev.coineconomy.policy.ConversionPolicy coin → diamond} with exact carry,
 * {@link dev.coineconomy.policy.PayoutPolicy diamond → cash} with an exact
 * {@link dev.coineconomy.policy.DiamondValue rate}, who may buy, send and receive
 * ({@link dev.coineconomy.policy.EligibilityPolicy}) and per-user spending caps
 * ({@link dev.coineconomy.policy.SpendingLimits}), bundled in a versioned
 * {@link dev.coineconomy.policy.EconomyPolicy}, which {@link dev.coineconomy.policy.PolicyFiles} loads from a
 * plain {@code key = value} file.
 */
package dev.coineconomy.policy;
