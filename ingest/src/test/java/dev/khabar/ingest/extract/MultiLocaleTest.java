package dev.khabar.ingest.extract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a test once per default locale in {@link Locales#all()} (jsoup's {@code @MultiLocaleTest}):
 * the test takes the {@code Locale} as its parameter and installs it with {@link Locales#use}.
 * Turkish dotless i and Hindi digits must not change what we extract.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest(name = "[{index}] {0}")
@MethodSource("dev.khabar.ingest.extract.Locales#all")
@interface MultiLocaleTest {
}
