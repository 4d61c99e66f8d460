package com.bakeryia.alerts.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** How the sender reads Twilio's {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110). */
class WhatsAppSenderTest {

    @Test
    void retryAfterInSeconds() {
        assertEquals(Duration.ofSeconds(1), WhatsAppSender.retryAfter("1"));
        assertEquals(Duration.ofSeconds(120), WhatsAppSender.retryAfter(" 120 "));
        assertEquals(Duration.ZERO, WhatsAppSender.retryAfter("0"));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        String inThirtySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        Duration wait = WhatsAppSender.retryAfter(inThirtySeconds);
        assertTrue(
                wait.compareTo(Duration.ofSeconds(28)) >= 0 && wait.compareTo(Duration.ofSeconds(30)) <= 0,
                "about 30 s, not " + wait);
        assertEquals(Duration.ZERO, WhatsAppSender.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), "a past date: now");
    }

    @Test
    void absentOrUnreadableRetryAfterIsNull() {
        assertNull(WhatsAppSender.retryAfter(null));
        assertNull(WhatsAppSender.retryAfter(""));
        assertNull(WhatsAppSender.retryAfter("   "));
        assertNull(WhatsAppSender.retryAfter("soon"));
        assertNull(WhatsAppSender.retryAfter("1.5"));
        assertNull(WhatsAppSender.retryAfter("2026-11-27T08:00:00Z"));
        assertNull(WhatsAppSender.retryAfter("-5"));
        assertNull(WhatsAppSender.retryAfter("99999999999999999999999"));
    }
}
