package it.com.bakeryia.alerts.realservices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.MailCatcher;
import it.com.bakeryia.alerts.support.Notifications;
import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.TwilioEmulator;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Notifications with two servers on PostgreSQL, RabbitMQ and Redis: every delivery is sent once,
 * never twice, while both dispatch; and deliveries pending when both servers are killed
 * ({@code kill -9}) are sent, each exactly once, after they start again. The SMTP server and the
 * Twilio emulator count.
 */
class NotificationsAcrossServersIT {

    private static final Logger LOG = Logger.getLogger(NotificationsAcrossServersIT.class.getName());
    static final Duration WAIT = Duration.ofSeconds(120);

    static String settings(String email, String whatsapp) {
        return "{\"recipients\": {\"email\": [\"" + email + "\"], \"whatsapp\": [\"" + whatsapp + "\"]},"
                + " \"group_window_seconds\": 0}";
    }

    static String number() {
        return "+3469" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    /** Posts an urgent alert to one server (ingest goes through RabbitMQ, which either may consume). */
    static String post(URI server, String tenant, String title) {
        String id = Server.newId();
        HttpResponse<String> response = Server.send(HttpRequest.newBuilder(server.resolve("api/alerts"))
                .header("Authorization", "Bearer " + Server.publisherToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Server.alert(id, tenant, "inventory", "urgent", title)))
                .build());
        assertEquals(202, response.statusCode(), response.body());
        return id;
    }

    static List<JsonObject> deliveriesOf(List<String> ids, String tenant) {
        List<JsonObject> all = new ArrayList<>();
        for (String id : ids) {
            JsonArray deliveries = Notifications.deliveries(id, tenant);
            if (deliveries != null) {
                deliveries.forEach(d -> all.add(d.asJsonObject()));
            }
        }
        return all;
    }

    static double sentBy(URI server) {
        String body = Server.send(HttpRequest.newBuilder(server.resolve("metrics?scope=application"))
                        .build())
                .body();
        return body.lines()
                .filter(line -> line.startsWith("notifications_attempts_total{") && line.contains("outcome=\"sent\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void withTwoServersDispatchingEachDeliveryIsSentOnce() throws Exception {
        int alerts = 100;
        String run = Server.newId().substring(0, 8);
        String tenant = "two-" + run;
        String email = "ops-" + run + "@bakery.example";
        String whatsapp = number();
        Notifications.settings(tenant, settings(email, whatsapp));
        double sentByA = sentBy(Server.BASE);
        double sentByB = sentBy(RealServices.SERVER_B);

        try (MailCatcher mail = MailCatcher.start();
                TwilioEmulator twilio = TwilioEmulator.start()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < alerts; i++) {
                ids.add(post(i % 2 == 0 ? Server.BASE : RealServices.SERVER_B, tenant, "Two servers " + i));
            }
            await().atMost(WAIT).until(() -> mail.to(email).size() >= alerts && twilio.to(whatsapp) >= alerts);
            await().atMost(WAIT)
                    .until(() -> deliveriesOf(ids, tenant).stream()
                                    .filter(d -> d.getString("status").equals("sent"))
                                    .count()
                            == 2L * alerts);
            Thread.sleep(3_000); // a second send, were there one, would arrive within this
            assertEquals(alerts, mail.to(email).size(), "each email once");
            assertEquals(alerts, twilio.to(whatsapp), "each WhatsApp message once");
            assertTrue(
                    deliveriesOf(ids, tenant).stream().allMatch(d -> d.getInt("attempts") == 1),
                    "no delivery was attempted twice");
        }
        double byA = sentBy(Server.BASE) - sentByA;
        double byB = sentBy(RealServices.SERVER_B) - sentByB;
        LOG.info(() -> "Sent by A: " + byA + ", by B: " + byB);
        // At least: the servers' counters also count other tests' deliveries that were still being
        // retried (an earlier test's recipients, sent once this test's SMTP server is up). That this
        // test's messages went once each is counted above, at the SMTP server and the emulator.
        assertTrue(byA + byB >= 2.0 * alerts, "the two servers' sends cover the deliveries: " + (byA + byB));
        assertTrue(byA > 0 && byB > 0, "both servers dispatched (A " + byA + ", B " + byB + ")");
    }

    @Test
    void deliveriesPendingWhenBothServersAreKilledAreSentOnceAfterTheyStartAgain() throws Exception {
        int alerts = 20;
        String run = Server.newId().substring(0, 8);
        String tenant = "crash-" + run;
        String email = "ops-" + run + "@bakery.example";
        String whatsapp = number();
        Notifications.settings(tenant, settings(email, whatsapp));

        // SMTP and Twilio are down: every delivery fails its first attempts and stays pending.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            ids.add(post(i % 2 == 0 ? Server.BASE : RealServices.SERVER_B, tenant, "Crash " + i));
        }
        await().atMost(WAIT)
                .until(
                        () -> deliveriesOf(ids, tenant),
                        all -> all.size() == 2 * alerts
                                && all.stream()
                                        .allMatch(d ->
                                                d.getString("status").equals("pending") && d.getInt("attempts") >= 1));

        LibertyServers.kill(LibertyServers.A);
        LibertyServers.kill(LibertyServers.B);
        try (MailCatcher mail = MailCatcher.start();
                TwilioEmulator twilio = TwilioEmulator.start()) {
            LibertyServers.start(LibertyServers.A, Server.BASE);
            LibertyServers.start(LibertyServers.B, RealServices.SERVER_B);

            await().atMost(WAIT).until(() -> mail.to(email).size() >= alerts && twilio.to(whatsapp) >= alerts);
            await().atMost(WAIT)
                    .until(() -> deliveriesOf(ids, tenant).stream()
                            .allMatch(d -> d.getString("status").equals("sent")));
            Thread.sleep(3_000);
            assertEquals(alerts, mail.to(email).size(), "every pending email sent exactly once");
            assertEquals(alerts, twilio.to(whatsapp), "every pending WhatsApp message sent exactly once");
            assertTrue(deliveriesOf(ids, tenant).stream()
                    .map(d -> d.getString("sent_at", null))
                    .allMatch(Objects::nonNull));
        }
    }
}
