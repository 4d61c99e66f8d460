package it.com.bakeryia.alerts;

import static it.com.bakeryia.alerts.support.Server.alert;
import static it.com.bakeryia.alerts.support.Server.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole path: HTTP ingest, queue, message-driven bean, database, fan-out, the tenant's streams. */
class AlertDeliveryIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static String publisher;

    @BeforeAll
    static void tokens() {
        publisher = Server.publisherToken();
    }

    static void publish(String json) {
        HttpResponse<String> response = Server.post("api/alerts", publisher, json);
        assertEquals(202, response.statusCode(), response.body());
    }

    static SseClient connected(String user) {
        SseClient client = SseClient.forToken(Server.demoToken(user));
        assertEquals(200, client.status(), client.errorBody());
        assertEquals("connection", client.next(WAIT).name());
        return client;
    }

    @Test
    void anAlertReachesEveryStreamOfItsTenantAndNoOther() {
        try (SseClient alice = connected("alice");
                SseClient carol = connected("carol");
                SseClient bob = connected("bob")) {
            String centroId = newId();
            publish(alert(centroId, "bakery-centro", "inventory", "high", "Flour below minimum"));

            for (SseClient client : List.of(alice, carol)) {
                SseEvent event = client.awaitAlert(centroId, WAIT);
                assertEquals("inventory_alert", event.name());
                assertNotNull(event.id(), "every alert carries a cursor");
                JsonObject data = event.json();
                assertEquals("bakery-centro", data.getString("tenant_id"));
                assertEquals("Flour below minimum", data.getString("title"));
                assertEquals("high", data.getString("severity"));
                assertEquals("alert", data.getString("item_type"));
                assertEquals("low_stock", data.getString("type"));
                assertEquals("[\"reorder\"]", data.getJsonArray("actions").toString());
                assertEquals("FLOUR-1", data.getJsonObject("metadata").getString("sku"));
                assertEquals(
                        String.valueOf(data.getJsonNumber("position").longValue()),
                        event.id(),
                        "the cursor is the stream position");
            }

            // Bob streams bakery-norte only: the next alert he sees must be norte's, not centro's.
            String norteId = newId();
            publish(alert(norteId, "bakery-norte", "production", "urgent", "Oven 2 failed"));
            List<SseEvent> before = new ArrayList<>();
            SseEvent norte = bob.awaitCollecting(e -> e.isAlert(), WAIT, before);
            assertEquals(norteId, norte.json().getString("id"));
            assertEquals("production_alert", norte.name());
            assertEquals("bakery-norte", norte.json().getString("tenant_id"));
            assertTrue(carol.awaitAlert(norteId, WAIT) != null, "a user of both tenants sees both");
            // ... and alice, of centro only, sees nothing of norte before her next centro alert.
            String sentinel = newId();
            publish(alert(sentinel, "bakery-centro", "inventory", "low", "Sentinel"));
            List<SseEvent> aliceBefore = new ArrayList<>();
            alice.awaitCollecting(e -> e.isAlert() && sentinel.equals(e.json().getString("id")), WAIT, aliceBefore);
            assertFalse(aliceBefore.stream().anyMatch(SseEvent::isAlert), "alice got " + aliceBefore);
        }
    }

    @Test
    void aNotificationStreamsAsNotification() {
        try (SseClient alice = connected("alice")) {
            String id = newId();
            publish(alert(id, "bakery-centro", "orders", "low", "Order shipped")
                    .replace("\"alert\"", "\"notification\""));
            SseEvent event = alice.awaitAlert(id, WAIT);
            assertEquals("notification", event.name());
        }
    }

    @Test
    void theSameIdPostedTwiceIsStoredOnceAndStreamedOnce() {
        try (SseClient alice = connected("alice")) {
            String id = newId();
            String json = alert(id, "bakery-centro", "inventory", "medium", "Duplicate me");
            publish(json);
            publish(json);
            alice.awaitAlert(id, WAIT);

            String sentinel = newId();
            publish(alert(sentinel, "bakery-centro", "inventory", "low", "After the duplicate"));
            List<SseEvent> between = new ArrayList<>();
            alice.awaitCollecting(e -> e.isAlert() && sentinel.equals(e.json().getString("id")), WAIT, between);
            assertFalse(
                    between.stream()
                            .filter(SseEvent::isAlert)
                            .anyMatch(e -> id.equals(e.json().getString("id"))),
                    "streamed twice: " + between);

            HttpResponse<String> history = Server.get("api/alerts?limit=200", Server.demoToken("alice"));
            assertEquals(200, history.statusCode());
            long stored = Server.jsonArray(history.body()).stream()
                    .map(JsonValue::asJsonObject)
                    .filter(a -> id.equals(a.getString("id")))
                    .count();
            assertEquals(1, stored);
        }
    }

    @Test
    void historyListsTheCallersTenantsNewestFirst() {
        String first = newId();
        String second = newId();
        try (SseClient alice = connected("alice")) {
            publish(alert(first, "bakery-centro", "inventory", "low", "First"));
            alice.awaitAlert(first, WAIT);
            publish(alert(second, "bakery-centro", "inventory", "low", "Second"));
            alice.awaitAlert(second, WAIT);
        }
        var items = Server.jsonArray(
                Server.get("api/alerts?limit=2", Server.demoToken("alice")).body());
        assertEquals(second, items.getJsonObject(0).getString("id"));
        assertEquals(first, items.getJsonObject(1).getString("id"));
        var bobs = Server.jsonArray(
                Server.get("api/alerts?limit=200", Server.demoToken("bob")).body());
        assertTrue(bobs.stream()
                .map(JsonValue::asJsonObject)
                .allMatch(a -> "bakery-norte".equals(a.getString("tenant_id"))));
    }
}
