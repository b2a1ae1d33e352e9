/**
 * Who the users are: the host application tells the economy about its users through a
 * {@link dev.coineconomy.profile.ProfileDirectory}, which returns a {@link dev.coineconomy.profile.UserProfile}
 * (birth date, region, followers, {@link dev.coineconomy.profile.Standing standing} and
 * {@link dev.coineconomy.profile.AccountKind account kind}). The eligibility rules of
 * {@link dev.coineconomy.policy.EligibilityPolicy} are decided from these facts.
 */
package dev.coineconomy.profile;
