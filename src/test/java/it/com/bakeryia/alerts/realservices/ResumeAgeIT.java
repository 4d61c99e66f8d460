package it.com.bakeryia.alerts.realservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.StreamResumeIT;
import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import it.com.bakeryia.alerts.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cursor older than STREAMS_RESUME_MAX_AGE_HOURS (24 by default) is refused for replay. Waiting a
 * day is not a test, so the alert the cursor names is made older in the database.
 */
class ResumeAgeIT {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aCursorOlderThanTheResumeAgeGetsResyncAndTheRecentWindow() {
        String tenant = "aged-" + Server.newId().substring(0, 8);
        String token = Tokens.user("ager-" + tenant, tenant);
        String cursor = StreamResumeIT.cursorOfOneAlert(token, tenant);
        List<String> after = List.of(
                StreamResumeIT.publish(tenant, "inventory", "high"),
                StreamResumeIT.publish(tenant, "inventory", "high"));

        // Still young: resuming replays what came after it.
        try (SseClient young = SseClient.open("api/events?lastEventId=" + cursor + "&token=" + token)) {
            assertEquals("connection", young.next(WAIT).name());
            young.awaitAlerts(after, WAIT);
        }

        assertEquals(
                1,
                RealServices.execute(
                        "UPDATE alerts SET positioned_at = positioned_at - INTERVAL '25 hours'"
                                + " WHERE stream_position = ?",
                        Long.parseLong(cursor)));
        try (SseClient old =
                SseClient.open(RealServices.SERVER_B, "api/events?lastEventId=" + cursor + "&token=" + token)) {
            assertEquals(200, old.status(), old.errorBody());
            assertEquals("connection", old.next(WAIT).name());
            SseEvent resync = old.next(WAIT);
            assertEquals("resync", resync.name());
            assertEquals("cursor_too_old", resync.json().getString("reason"));
            assertEquals(cursor, resync.json().getString("last_event_id"));
            assertEquals(3, resync.json().getInt("window"), "the tenant's three alerts are its recent window");
            List<String> window = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SseEvent event = old.next(WAIT);
                assertTrue(event.isAlert(), event.toString());
                window.add(event.json().getString("id"));
            }
            assertTrue(window.containsAll(after), window.toString());
        }
    }
}
