package com.bakeryia.alerts.notifications.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), MADRID);

    static Instant madrid(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, MADRID).toInstant();
    }

    @Test
    void aSpanAcrossMidnightEndsTheNextMorningOrTheSameMorning() {
        assertEquals(Optional.of(madrid(2026, 11, 30, 6, 0)), NIGHT.endAfter(madrid(2026, 11, 29, 22, 0)));
        assertEquals(Optional.of(madrid(2026, 11, 30, 6, 0)), NIGHT.endAfter(madrid(2026, 11, 29, 23, 59)));
        assertEquals(Optional.of(madrid(2026, 11, 30, 6, 0)), NIGHT.endAfter(madrid(2026, 11, 30, 3, 0)));
    }

    @Test
    void theEndIsOutsideAndTheDayIsOutside() {
        assertEquals(Optional.empty(), NIGHT.endAfter(madrid(2026, 11, 30, 6, 0)));
        assertEquals(Optional.empty(), NIGHT.endAfter(madrid(2026, 11, 30, 12, 0)));
        assertEquals(Optional.empty(), NIGHT.endAfter(madrid(2026, 11, 30, 21, 59)));
    }

    @Test
    void aSpanWithinOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 30), MADRID);
        assertEquals(Optional.of(madrid(2026, 11, 30, 15, 30)), lunch.endAfter(madrid(2026, 11, 30, 14, 0)));
        assertEquals(Optional.empty(), lunch.endAfter(madrid(2026, 11, 30, 15, 30)));
        assertEquals(Optional.empty(), lunch.endAfter(madrid(2026, 11, 30, 12, 59)));
    }

    @Test
    void theTenantsTimeZoneDecidesNotTheServers() {
        // 23:00 UTC is midnight in Madrid (winter): quiet there.
        assertEquals(Optional.of(madrid(2026, 11, 30, 6, 0)), NIGHT.endAfter(Instant.parse("2026-11-29T23:00:00Z")));
        QuietHours tokyo = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("Asia/Tokyo"));
        // 23:00 UTC is 08:00 in Tokyo: not quiet.
        assertEquals(Optional.empty(), tokyo.endAfter(Instant.parse("2026-11-29T23:00:00Z")));
    }

    @Test
    void theEndFallsOnTheLocalClockAcrossADaylightSavingChange() {
        // The night of 28-29 March 2026: clocks jump from 02:00 to 03:00 in Madrid.
        assertEquals(Optional.of(madrid(2026, 3, 29, 6, 0)), NIGHT.endAfter(madrid(2026, 3, 28, 23, 0)));
    }

    @Test
    void aSpanMustHaveALength() {
        assertThrows(IllegalArgumentException.class, () -> new QuietHours(LocalTime.NOON, LocalTime.NOON, MADRID));
    }
}
