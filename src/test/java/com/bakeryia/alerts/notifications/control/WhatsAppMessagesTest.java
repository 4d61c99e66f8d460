package com.bakeryia.alerts.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.store.entity.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The WhatsApp text: heading, message, suppressed count, link; within Twilio's 1600 characters. */
class WhatsAppMessagesTest {

    static final String DASHBOARD = "https://alerts.bakery.example/";
    /** Twilio refuses a WhatsApp body over 1600 characters. */
    static final int TWILIO_LIMIT = 1600;

    static DeliveryJob job(Severity severity, String title, String message, int suppressed) {
        return new DeliveryJob(
                7L,
                Channel.WHATSAPP,
                "+34600000001",
                "bakery-centro",
                "alert 1/ü",
                severity,
                title,
                message,
                suppressed,
                1,
                Instant.parse("2026-11-27T08:00:00Z"));
    }

    @Test
    void headingMessageAndLinkEachOnALine() {
        assertEquals(
                "[URGENT] Oven 2 failed — bakery-centro\n"
                        + "Temperature dropped to 80 °C.\n"
                        + "https://alerts.bakery.example/?alert=alert+1%2F%C3%BC",
                WhatsAppMessages.body(
                        job(Severity.URGENT, "Oven 2 failed", "Temperature dropped to 80 °C.", 0), DASHBOARD));
    }

    @Test
    void noMessageLeavesNoEmptyLine() {
        assertEquals(
                "[HIGH] Flour low — bakery-centro\nhttps://alerts.bakery.example/?alert=alert+1%2F%C3%BC",
                WhatsAppMessages.body(job(Severity.HIGH, "Flour low", "  ", 0), DASHBOARD));
        assertEquals(
                "[LOW] Flour low — bakery-centro\nhttps://alerts.bakery.example/?alert=alert+1%2F%C3%BC",
                WhatsAppMessages.body(job(Severity.LOW, "Flour low", null, 0), DASHBOARD));
    }

    @Test
    void saysHowManySimilarAlertsWereSuppressed() {
        assertEquals(
                "[MEDIUM] Flour low — bakery-centro\n3 kg left.\n"
                        + "4 similar alerts were suppressed since the last notification.\n"
                        + "https://alerts.bakery.example/?alert=alert+1%2F%C3%BC",
                WhatsAppMessages.body(job(Severity.MEDIUM, "Flour low", "3 kg left.", 4), DASHBOARD));
        assertTrue(WhatsAppMessages.body(job(Severity.MEDIUM, "Flour low", "3 kg left.", 1), DASHBOARD)
                .contains("\n1 similar alert was suppressed since the last notification.\n"));
    }

    @Test
    void aDashboardUrlWithAQueryGetsTheAlertAsAnotherParameter() {
        assertTrue(WhatsAppMessages.body(job(Severity.URGENT, "T", "M", 0), "https://d.example/app?view=live")
                .endsWith("\nhttps://d.example/app?view=live&alert=alert+1%2F%C3%BC"));
    }

    @Test
    void aLongMessageIsCutToFitTwilioButKeepsTheHeadingAndTheWholeLink() {
        String link = "https://alerts.bakery.example/?alert=alert+1%2F%C3%BC";
        String body = WhatsAppMessages.body(job(Severity.URGENT, "Oven 2 failed", "x".repeat(5_000), 3), DASHBOARD);
        assertTrue(body.length() <= TWILIO_LIMIT, body.length() + " characters");
        assertEquals(WhatsAppMessages.MAX_BODY, body.length(), "cut to the limit, not shorter");
        assertTrue(body.startsWith("[URGENT] Oven 2 failed — bakery-centro\nxxx"), body.substring(0, 60));
        assertTrue(body.endsWith("x…\n" + link), body.substring(body.length() - 80));
    }

    @Test
    void aLongTitleIsCutTooAndTheLinkStays() {
        String body = WhatsAppMessages.body(job(Severity.URGENT, "T".repeat(3_000), "msg", 0), DASHBOARD);
        assertTrue(body.length() <= TWILIO_LIMIT, body.length() + " characters");
        assertTrue(body.endsWith("…\nhttps://alerts.bakery.example/?alert=alert+1%2F%C3%BC"));
    }

    @Test
    void aBodyJustAtTheLimitIsNotCut() {
        String link = "\nhttps://alerts.bakery.example/?alert=alert+1%2F%C3%BC";
        String heading = "[URGENT] T — bakery-centro\n";
        String message = "y".repeat(WhatsAppMessages.MAX_BODY - heading.length() - link.length());
        String body = WhatsAppMessages.body(job(Severity.URGENT, "T", message, 0), DASHBOARD);
        assertEquals(heading + message + link, body);
        assertFalse(body.contains("…"));
    }

    @Test
    void cuttingNeverSplitsACharacterOutsideTheBasicPlane() {
        // Emoji are two UTF-16 chars each; shifting by one char puts the cut inside one of them once.
        for (String lead : new String[] {"", "a"}) {
            String message = lead + "🥐".repeat(2_000);
            String body = WhatsAppMessages.body(job(Severity.URGENT, "Croissants", message, 0), DASHBOARD);
            assertTrue(body.length() <= TWILIO_LIMIT, body.length() + " characters");
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertTrue(
                            i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1)),
                            "a lone high surrogate at " + i);
                    i++;
                } else {
                    assertFalse(Character.isLowSurrogate(c), "a lone low surrogate at " + i);
                }
            }
            assertTrue(body.endsWith("…\nhttps://alerts.bakery.example/?alert=alert+1%2F%C3%BC"));
        }
    }
}
