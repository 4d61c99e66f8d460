package it.com.bakeryia.alerts.realservices;

import static it.com.bakeryia.alerts.support.Server.alert;
import static it.com.bakeryia.alerts.support.Server.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Producers publish to RabbitMQ; two servers share RabbitMQ, PostgreSQL and Redis. */
class RabbitMqPathIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    static SseClient connected(java.net.URI server, String user) {
        SseClient client = SseClient.open(server, "api/events?token=" + Server.demoToken(user));
        assertEquals(200, client.status(), client.errorBody());
        assertEquals("connection", client.next(WAIT).name());
        return client;
    }

    @Test
    void aPlainAmqpMessageIsStoredAndReachesStreamsOnBothServers() {
        try (SseClient onA = connected(Server.BASE, "alice");
                SseClient onB = connected(RealServices.SERVER_B, "carol")) {
            String id = newId();
            RealServices.publish("alert.high.inventory", alert(id, "bakery-centro", "inventory", "high", "From AMQP"));

            SseEvent a = onA.awaitAlert(id, WAIT);
            SseEvent b = onB.awaitAlert(id, WAIT);
            assertEquals("inventory_alert", a.name());
            assertEquals(a.id(), b.id(), "one stored alert, one cursor");
            assertEquals(1, RealServices.storedCount(id));
        }
    }

    @Test
    void anAlertIngestedThroughEitherServerReachesBothAndIsStoredOnce() {
        String publisherB = null;
        try (SseClient onA = connected(Server.BASE, "bob");
                SseClient onB = connected(RealServices.SERVER_B, "bob")) {
            String viaA = newId();
            String viaB = newId();
            assertEquals(
                    202,
                    Server.post(
                                    "api/alerts",
                                    Server.publisherToken(),
                                    alert(viaA, "bakery-norte", "production", "urgent", "Via A"))
                            .statusCode());
            // A development token from server A is accepted by B: they share the key in the database.
            var response = Server.send(java.net.http.HttpRequest.newBuilder(RealServices.SERVER_B.resolve("api/alerts"))
                    .header("Authorization", "Bearer " + Server.publisherToken())
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            alert(viaB, "bakery-norte", "production", "low", "Via B")))
                    .build());
            assertEquals(202, response.statusCode(), response.body());
            for (SseClient client : List.of(onA, onB)) {
                client.awaitAlerts(List.of(viaA, viaB), WAIT); // stored by two servers: either order
            }
            assertEquals(1, RealServices.storedCount(viaA));
            assertEquals(1, RealServices.storedCount(viaB));
        }
    }

    @Test
    void theSameMessageDeliveredTwiceIsStoredOnceAndStreamedOnce() {
        try (SseClient onA = connected(Server.BASE, "alice");
                SseClient onB = connected(RealServices.SERVER_B, "alice")) {
            String id = newId();
            String body = alert(id, "bakery-centro", "orders", "medium", "Twice");
            RealServices.publishAll("alert.medium.orders", List.of(body, body));
            String sentinel = newId();
            onA.awaitAlert(id, WAIT);
            RealServices.publish("alert.low.orders", alert(sentinel, "bakery-centro", "orders", "low", "After"));
            for (SseClient client : List.of(onA, onB)) {
                List<SseEvent> seen = new ArrayList<>();
                client.awaitCollecting(
                        e -> e.isAlert() && sentinel.equals(e.json().getString("id")), WAIT, seen);
                long copies = seen.stream()
                        .filter(SseEvent::isAlert)
                        .filter(e -> id.equals(e.json().getString("id")))
                        .count();
                assertTrue(copies <= 1, "streamed " + copies + " times");
            }
            assertEquals(1, RealServices.storedCount(id));
        }
    }

    @Test
    void anInvalidMessageIsDeadLetteredAtOnceWithItsReason() {
        String marker = newId();
        RealServices.publish("alert.high.inventory", "{\"id\": \"" + marker + "\", \"tenant_id\": ");
        RealServices.DeadLetter dead = RealServices.awaitDeadLetter(marker, WAIT);
        assertEquals("malformed_json", dead.header("x_reason_code"));
        assertTrue(dead.header("x_reason").contains("not valid JSON"), dead.header("x_reason"));
    }

    @Test
    void aMessageThatKeepsFailingIsDeadLetteredAfterItsTriesWhileAThousandOthersArrive() {
        // A valid alert that the database refuses on every try (a trigger of this test stands in
        // for a cause that persists): every try rolls back. (It used to be a NUL in the text,
        // which the parser now refuses at once: see BadInputRabbitIT.)
        String poisonId = newId();
        String poison = alert(poisonId, "bakery-centro", "inventory", "high", "Poison");
        RealServices.execute("CREATE OR REPLACE FUNCTION it_refuse_poison() RETURNS trigger AS $$ BEGIN"
                + " IF NEW.alert_id = '" + poisonId + "' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF;"
                + " RETURN NEW; END $$ LANGUAGE plpgsql");
        RealServices.execute("DROP TRIGGER IF EXISTS it_refuse_poison ON alerts");
        RealServices.execute("CREATE TRIGGER it_refuse_poison BEFORE INSERT ON alerts FOR EACH ROW"
                + " EXECUTE FUNCTION it_refuse_poison()");
        try {
            keepsFailing(poisonId, poison);
        } finally {
            RealServices.execute("DROP TRIGGER IF EXISTS it_refuse_poison ON alerts");
            RealServices.execute("DROP FUNCTION IF EXISTS it_refuse_poison()");
        }
    }

    private static void keepsFailing(String poisonId, String poison) {
        List<String> before = IntStream.range(0, 500).mapToObj(i -> newId()).toList();
        List<String> after = IntStream.range(0, 500).mapToObj(i -> newId()).toList();
        RealServices.publishAll(
                "alert.low.inventory",
                before.stream()
                        .map(id -> alert(id, "bakery-centro", "inventory", "low", "Batch"))
                        .toList());
        RealServices.publish("alert.high.inventory", poison);
        RealServices.publishAll(
                "alert.low.inventory",
                after.stream()
                        .map(id -> alert(id, "bakery-centro", "inventory", "low", "Batch"))
                        .toList());

        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> RealServices.storedCount(all) == all.size());

        RealServices.DeadLetter dead = RealServices.awaitDeadLetter(poisonId, Duration.ofMinutes(1));
        assertTrue(
                String.valueOf(dead.headers().get("x-first-death-reason")).contains("delivery_limit"),
                "dead-lettered by the delivery limit: " + dead.headers());
        assertEquals(0, RealServices.storedCount(poisonId));
        assertFalse(dead.body().isEmpty());
    }
}
