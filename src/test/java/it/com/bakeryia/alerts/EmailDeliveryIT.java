package it.com.bakeryia.alerts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.MailCatcher;
import it.com.bakeryia.alerts.support.Notifications;
import it.com.bakeryia.alerts.support.Server;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Email notifications end to end: an alert posted to the running server is stored, its deliveries
 * decided from the tenant's settings, and the mail reaches a real SMTP server (GreenMail, started
 * here) over STARTTLS with the server's SMTP credentials. Every test has tenants and recipients of
 * its own, so the counts are exact.
 */
class EmailDeliveryIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String DASHBOARD = System.getProperty("it.dashboard.url", "http://dashboard.bakery-ia.test/");

    static MailCatcher mail;

    @BeforeAll
    static void startMail() {
        mail = MailCatcher.start();
    }

    @AfterAll
    static void stopMail() {
        if (mail != null) {
            mail.close();
        }
    }

    static String run() {
        return Server.newId().substring(0, 8);
    }

    static String post(String tenant, String severity, String type, String title, String fingerprint) {
        String id = Server.newId();
        JsonObject alert = Json.createObjectBuilder(Server.json(Server.alert(id, tenant, "inventory", severity, title)))
                .add("type", type)
                .add("message", "Flour is below 20 kg at " + tenant)
                .add(
                        "metadata",
                        fingerprint == null
                                ? Json.createObjectBuilder()
                                : Json.createObjectBuilder().add("fingerprint", fingerprint))
                .build();
        var response = Server.post("api/alerts", Server.publisherToken(), alert.toString());
        assertEquals(202, response.statusCode(), response.body());
        return id;
    }

    static JsonArray awaitDeliveries(String alertId, String tenant) {
        return await().atMost(WAIT).until(() -> Notifications.deliveries(alertId, tenant), Objects::nonNull);
    }

    @Test
    void anUrgentAlertIsEmailedToEveryRecipientOverStartTlsWithBothPartsAndTheLink() throws Exception {
        String run = run();
        String tenant = "mail-" + run;
        String ops = "ops-" + run + "@bakery.example";
        String chef = "chef-" + run + "@bakery.example";
        Notifications.settings(
                tenant,
                "{\"recipients\": {\"email\": [\"" + ops + "\", \"" + chef + "\"]}, \"group_window_seconds\": 0}");
        int upgradesBefore = mail.upgrades();
        int loginsBefore = mail.authentications();

        String id = post(tenant, "urgent", "low_stock", "Flour low " + run, null);

        await().atMost(WAIT)
                .until(() -> mail.to(ops).size() == 1 && mail.to(chef).size() == 1);
        MimeMessage message = mail.to(ops).get(0);
        assertEquals("[URGENT] Flour low " + run + " — " + tenant, message.getSubject());
        assertEquals(1, message.getAllRecipients().length, "one message per recipient");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain") && html.isMimeType("text/html"));
        String link = DASHBOARD + "?alert=" + id;
        assertTrue(((String) text.getContent()).contains(link), "the text part links to the dashboard");
        assertTrue(((String) html.getContent()).contains("href=\"" + link + "\""), "so does the HTML part");
        assertTrue(((String) text.getContent()).contains("Flour is below 20 kg"), "with the alert's message");
        assertTrue(mail.upgrades() > upgradesBefore, "the server upgraded its connection with STARTTLS");
        assertTrue(mail.authentications() > loginsBefore, "and logged in with SMTP_USER/SMTP_PASSWORD");

        await().atMost(WAIT)
                .until(
                        () -> Notifications.summary(Notifications.deliveries(id, tenant)),
                        List.of("email:" + chef + ":sent", "email:" + ops + ":sent")::equals);
        JsonObject delivery = Notifications.deliveries(id, tenant).getJsonObject(0);
        assertEquals(1, delivery.getInt("attempts"));
        assertNotNull(delivery.getString("sent_at"));
    }

    /** Deliveries by channel and status, attempts, dispatch latency and the backlog are metrics. */
    @Test
    void sendingShowsInTheMetrics() {
        String run = run();
        String tenant = "metrics-" + run;
        String ops = "ops-" + run + "@bakery.example";
        Notifications.settings(tenant, "{\"recipients\": {\"email\": [\"" + ops + "\"]}, \"group_window_seconds\": 0}");
        double sentBefore = metric("notifications_deliveries", "channel=\"email\"", "status=\"sent\"");
        double attemptsBefore = metric("notifications_attempts_total", "channel=\"email\"", "outcome=\"sent\"");

        awaitSent(post(tenant, "urgent", "low_stock", "Metrics " + run, null), tenant);

        await().atMost(WAIT)
                .until(() ->
                        metric("notifications_deliveries", "channel=\"email\"", "status=\"sent\"") >= sentBefore + 1);
        // Attempts and latency are each server's own: with two servers, either may have sent it.
        assertTrue(
                metric("notifications_attempts_total", "channel=\"email\"", "outcome=\"sent\"") >= attemptsBefore + 1);
        assertTrue(metric("notifications_dispatch_latency_seconds_count", "channel=\"email\"") >= 1);
        assertTrue(metric("notifications_backlog") >= 0);
        assertTrue(
                metric("notifications_deliveries", "channel=\"whatsapp\"", "status=\"not_configured\"") >= 0,
                "every channel and status has its series");
    }

    /**
     * The value of the application metric line with this name and these labels, summed over the
     * servers under test (one, or two in the real-services profile); -1 if no server has it.
     */
    static double metric(String name, String... labels) {
        double sum = -1;
        for (URI server : SERVERS) {
            double value = metric(server, name, labels);
            if (value >= 0) {
                sum = Math.max(sum, 0) + value;
            }
        }
        return sum;
    }

    /** The server under test, and the second one where there is one ({@code it.second.url} not on port 0). */
    static final List<URI> SERVERS = System.getProperty("it.second.url", "").matches("http://[^/]+:[1-9][0-9]*")
            ? List.of(Server.BASE, URI.create(System.getProperty("it.second.url") + "/"))
            : List.of(Server.BASE);

    static double metric(URI server, String name, String... labels) {
        String body = Server.send(java.net.http.HttpRequest.newBuilder(server.resolve("metrics?scope=application"))
                        .build())
                .body();
        for (String line : body.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                boolean all = true;
                for (String label : labels) {
                    all &= line.contains(label);
                }
                if (all) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return -1;
    }

    @Test
    void highIsEmailedAndLowStaysInTheAppByDefault() throws Exception {
        String run = run();
        String tenant = "mail-" + run;
        String ops = "ops-" + run + "@bakery.example";
        Notifications.settings(tenant, "{\"recipients\": {\"email\": [\"" + ops + "\"]}, \"group_window_seconds\": 0}");

        String low = post(tenant, "low", "low_stock", "Low " + run, null);
        String high = post(tenant, "high", "expiring", "High " + run, null);

        assertEquals(List.of(), Notifications.summary(awaitDeliveries(low, tenant)), "low: in-app only");
        await().atMost(WAIT).until(() -> mail.to(ops).size() == 1);
        assertTrue(mail.to(ops).get(0).getSubject().startsWith("[HIGH] High " + run));
        assertEquals(List.of("email:" + ops + ":sent"), Notifications.summary(awaitSent(high, tenant)));
    }

    static JsonArray awaitSent(String alertId, String tenant) {
        return await().atMost(WAIT)
                .until(
                        () -> Notifications.deliveries(alertId, tenant),
                        deliveries -> deliveries != null
                                && !deliveries.isEmpty()
                                && deliveries.stream()
                                        .map(JsonObject.class::cast)
                                        .allMatch(d -> d.getString("status").equals("sent")));
    }

    @Test
    void aTenantsSettingsNeverReachAnotherTenant() {
        String run = run();
        String configured = "mail-" + run;
        String other = "other-" + run;
        String ops = "ops-" + run + "@bakery.example";
        Notifications.settings(
                configured, "{\"recipients\": {\"email\": [\"" + ops + "\"]}, \"group_window_seconds\": 0}");

        String theirs = post(other, "urgent", "low_stock", "Other " + run, null);
        String ours = post(configured, "urgent", "low_stock", "Ours " + run, null);

        assertEquals(List.of(), Notifications.summary(awaitDeliveries(theirs, other)), "defaults: no recipients");
        awaitSent(ours, configured);
        assertEquals(1, mail.to(ops).size(), "only the configured tenant's alert reached its recipient");
    }

    /**
     * 100 identical low-stock alerts within the group window: one email, 99 suppressed; the first
     * alert after the window notifies again and says how many were suppressed.
     */
    @Test
    void identicalAlertsWithinTheWindowAreGroupedIntoOneEmail() throws Exception {
        String run = run();
        String tenant = "group-" + run;
        String ops = "ops-" + run + "@bakery.example";
        int window = 30;
        Notifications.settings(
                tenant,
                "{\"recipients\": {\"email\": [\"" + ops + "\"]}, \"rules\": [{\"type\": [\"low_stock\"],"
                        + " \"channels\": [\"email\"]}], \"group_window_seconds\": " + window + "}");

        Instant first = Instant.now();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(post(tenant, "low", "low_stock", "Flour low " + run, "flour-" + run));
        }
        List<String> statuses = new ArrayList<>();
        for (String id : ids) {
            JsonArray deliveries = awaitDeliveries(id, tenant);
            assertEquals(1, deliveries.size());
            statuses.add(deliveries.getJsonObject(0).getString("status"));
        }
        assertTrue(
                Duration.between(first, Instant.now()).toSeconds() < window,
                "the 100 alerts were stored within the window (else this test proves nothing)");
        await().atMost(WAIT).until(() -> mail.to(ops).size() == 1);
        assertEquals(99, statuses.stream().filter("suppressed"::equals).count(), statuses.toString());
        assertEquals(
                1,
                statuses.stream()
                        .filter(s -> s.equals("sent") || s.equals("pending"))
                        .count());

        // After the window: the next one notifies, saying how many were suppressed.
        await().atMost(Duration.ofSeconds(window + 30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Duration.between(first, Instant.now()).toSeconds() > window + 1);
        String next = post(tenant, "low", "low_stock", "Flour low " + run, "flour-" + run);
        awaitSent(next, tenant);
        await().atMost(WAIT).until(() -> mail.to(ops).size() == 2);
        MimeMultipart parts = (MimeMultipart) mail.to(ops).get(1).getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.contains("99 similar alerts were suppressed"), text);
    }

    /** Quiet hours hold a high alert until they end; an urgent one goes at once. */
    @Test
    void quietHoursHoldAHighAlertButNotAnUrgentOne() throws Exception {
        String run = run();
        String tenant = "quiet-" + run;
        String ops = "ops-" + run + "@bakery.example";
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        String from = now.minusHours(1).format(hhmm);
        String to = now.plusHours(2).format(hhmm);
        Notifications.settings(
                tenant,
                "{\"recipients\": {\"email\": [\"" + ops + "\"]}, \"group_window_seconds\": 0, \"quiet_hours\":"
                        + " {\"from\": \"" + from + "\", \"to\": \"" + to + "\", \"time_zone\": \"UTC\"}}");

        String high = post(tenant, "high", "expiring", "Held " + run, null);
        String urgent = post(tenant, "urgent", "oven_failure", "Now " + run, null);

        awaitSent(urgent, tenant);
        JsonObject held = awaitDeliveries(high, tenant).getJsonObject(0);
        assertEquals("held", held.getString("status"));
        assertTrue(held.getString("due_at").contains("T" + to), held.toString());
        assertEquals(1, mail.to(ops).size(), "only the urgent alert was mailed");
        assertTrue(mail.to(ops).get(0).getSubject().startsWith("[URGENT]"));
    }
}
