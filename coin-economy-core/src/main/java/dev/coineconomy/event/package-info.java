/**
 * Events: the {@link dev.coineconomy.event.EconomyListener listener SPI} the host implements to hear
 * about every committed command, and the {@link dev.coineconomy.event.EconomyEvent event} it receives.
 */
package dev.coineconomy.event;
