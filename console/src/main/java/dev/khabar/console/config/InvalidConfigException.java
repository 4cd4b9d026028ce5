package dev.khabar.console.config;

/** The configuration cannot be used; the message names the setting and the value. */
public final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
        super(message);
    }
}
