package dev.coineconomy.examples;

import java.util.Objects;

/**
 * The outcome of a simulated live stream: its figures and the text that the example prints.
 *
 * @param summary the figures
 * @param text    the printed summary, one line per {@code '\n'}
 */
public record LiveStreamReport(LiveStreamSummary summary, String text) {

    /** Validates that neither part is missing. */
    public LiveStreamReport {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(text, "text");
    }
}
