package dev.coineconomy;

/** Where a coin pack is bought; prices differ by channel. */
public enum Channel {
    /** In the mobile app, through the app store. */
    APP,
    /** On the web, outside the app stores. */
    WEB
}
