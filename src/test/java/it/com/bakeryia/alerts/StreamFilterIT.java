package it.com.bakeryia.alerts;

import static it.com.bakeryia.alerts.support.Server.alert;
import static it.com.bakeryia.alerts.support.Server.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** severity, service and type narrow a stream; streams with and without filters share a tenant. */
class StreamFilterIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    static void publish(String json) {
        assertEquals(
                202, Server.post("api/alerts", Server.publisherToken(), json).statusCode());
    }

    @Test
    void aFilteredStreamGetsOnlyWhatMatchesWhileAnUnfilteredOneGetsAll() {
        String token = Server.demoToken("alice");
        try (SseClient urgentInventory =
                        SseClient.open("api/events?severity=urgent,high&service=inventory&token=" + token);
                SseClient everything = SseClient.forToken(token)) {
            assertEquals("connection", urgentInventory.next(WAIT).name());
            assertEquals("connection", everything.next(WAIT).name());

            String low = newId();
            String otherService = newId();
            String wanted = newId();
            publish(alert(low, "bakery-centro", "inventory", "low", "Low"));
            publish(alert(otherService, "bakery-centro", "orders", "urgent", "Orders"));
            publish(alert(wanted, "bakery-centro", "inventory", "urgent", "Wanted"));

            SseEvent first = urgentInventory.await(SseEvent::isAlert, WAIT);
            assertEquals(wanted, first.json().getString("id"), "the filtered stream skipped the others");
            everything.awaitAlerts(List.of(low, otherService, wanted), WAIT); // concurrent consumers: any order
        }
    }

    @Test
    void aTypeFilterNarrowsToThatType() {
        try (SseClient client = SseClient.open("api/events?type=oven_failed&token=" + Server.demoToken("bob"))) {
            assertEquals("connection", client.next(WAIT).name());
            String other = newId();
            String oven = newId();
            publish(alert(other, "bakery-norte", "production", "high", "Other type"));
            publish(alert(oven, "bakery-norte", "production", "high", "Oven").replace("low_stock", "oven_failed"));
            assertEquals(oven, client.await(SseEvent::isAlert, WAIT).json().getString("id"));
        }
    }

    @Test
    void anInvalidFilterIsA400NamingIt() {
        try (SseClient client = SseClient.open("api/events?severity=catastrophic&token=" + Server.demoToken("alice"))) {
            assertEquals(400, client.status());
            var error = Server.json(client.errorBody());
            assertEquals("invalid_parameter", error.getString("error"));
            assertEquals(true, error.getString("message").contains("severity"));
        }
    }
}
