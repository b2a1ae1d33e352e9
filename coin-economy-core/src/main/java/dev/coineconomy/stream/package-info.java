/**
 * Live streams and recognition: {@link dev.coineconomy.stream.StreamId stream ids}, the
 * {@link dev.coineconomy.stream.StreamSummary summary} of a stream's gifts with its top-gifter
 * {@link dev.coineconomy.stream.GifterRank leaderboard}, and a creator's
 * {@link dev.coineconomy.stream.EngagementReport engagement} over a period.
 */
package dev.coineconomy.stream;
