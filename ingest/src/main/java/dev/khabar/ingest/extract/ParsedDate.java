package dev.khabar.ingest.extract;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A date found on a page before its offset is settled.
 *
 * @param dateTime local date and time (midnight when only a date was given)
 * @param offset   the offset the page gave, or {@code null}
 * @param hasTime  whether a time of day was given
 */
record ParsedDate(LocalDateTime dateTime, ZoneOffset offset, boolean hasTime) {

    OffsetDateTime withFallback(ZoneOffset fallback) {
        ZoneOffset o = offset != null ? offset : fallback != null ? fallback : ZoneOffset.UTC;
        return dateTime.atOffset(o);
    }
}
