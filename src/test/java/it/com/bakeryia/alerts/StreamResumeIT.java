package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import it.com.bakeryia.alerts.support.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Last-Event-ID: what a client missed is replayed from the database, in order, once, then it goes live. */
public class StreamResumeIT {

    /** Publishes an alert through the HTTP ingest and returns its id. */
    public static String publish(String tenant, String service, String severity) {
        String id = Server.newId();
        publish(alert(id, tenant, service, severity));
        return id;
    }

    static void publish(String alertJson) {
        HttpResponse<String> response = Server.post("api/alerts", Server.publisherToken(), alertJson);
        assertEquals(202, response.statusCode(), response.body());
    }

    static String alert(String id, String tenant, String service, String severity) {
        return Server.alert(id, tenant, service, severity, "resume " + id);
    }

    static String tenant() {
        return "resume-" + Server.newId().substring(0, 13);
    }

    static List<String> alertIds(List<SseEvent> events) {
        return events.stream()
                .filter(SseEvent::isAlert)
                .map(e -> e.json().getString("id"))
                .toList();
    }

    /**
     * Like {@link #readAlerts}, but a {@code slow_consumer} cut — what a burst may cause under the
     * tests' small send queue — is answered like a client does: resume with the last id (at first
     * {@code after}, the cursor the stream started from). Any other silence or end still fails.
     *
     * @return the stream open at the end
     */
    static SseClient readAlertsResumingAfterCuts(SseClient client, String token, String after, int count) {
        int received = 0;
        String lastId = after;
        while (received < count) {
            SseEvent event = client.next(Duration.ofSeconds(20));
            assertNotNull(event, "only " + received + " of " + count + " alerts arrived");
            if (event.isAlert()) {
                received++;
                lastId = event.id();
            } else if ("slow_consumer".equals(event.name())) {
                client.close();
                client = SseClient.open("api/events?lastEventId=" + lastId + "&token=" + token);
                assertEquals("connection", client.next(Duration.ofSeconds(10)).name());
            }
        }
        return client;
    }

    /** Reads alerts until {@code count} arrived; then asserts nothing else comes for a moment. */
    static List<SseEvent> readAlerts(SseClient client, int count) {
        List<SseEvent> alerts = new ArrayList<>();
        while (alerts.size() < count) {
            SseEvent event = client.next(Duration.ofSeconds(20));
            assertNotNull(event, "only " + alerts.size() + " of " + count + " alerts arrived: " + alerts);
            if (event.isAlert()) {
                alerts.add(event);
            }
        }
        return alerts;
    }

    /** Streams one new alert of the tenant and returns its id: where a later stream resumes. */
    /** The stream cursor of one new alert of the tenant, as a stream of this token receives it. */
    public static String cursorOfOneAlert(String token, String tenant) {
        try (SseClient first = SseClient.forToken(token)) {
            assertEquals("connection", first.next(Duration.ofSeconds(10)).name());
            return first.awaitAlert(publish(tenant, "inventory", "low"), Duration.ofSeconds(20))
                    .id();
        }
    }

    static void assertNothingMore(SseClient client) {
        SseEvent extra;
        long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while ((extra = client.next(Duration.ofNanos(Math.max(1, until - System.nanoTime())))) != null) {
            assertTrue(!extra.isAlert(), "unexpected " + extra);
        }
    }

    @Test
    void aResumingClientGetsExactlyWhatItMissedInOrderThenLiveAlerts() {
        String tenant = tenant();
        String token = Tokens.user("resumer-" + tenant, tenant);
        String lastId = cursorOfOneAlert(token, tenant);
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            missed.add(publish(tenant, "production", "medium"));
        }
        publish(tenant(), "inventory", "high"); // another tenant's: never replayed here
        try (SseClient resumed = SseClient.open("api/events?lastEventId=" + lastId + "&token=" + token)) {
            assertEquals("connection", resumed.next(Duration.ofSeconds(10)).name());
            List<SseEvent> replayed = readAlerts(resumed, 5);
            assertSameAlerts(missed, replayed);
            assertIncreasing(lastId, replayed);
            String live = publish(tenant, "inventory", "urgent");
            assertEquals(List.of(live), alertIds(readAlerts(resumed, 1)));
            assertNothingMore(resumed);
        }
    }

    @Test
    void theLastEventIdHeaderResumesAndFiltersApplyToTheReplay() {
        String tenant = tenant();
        String token = Tokens.user("filter-" + tenant, tenant);
        String cursor = cursorOfOneAlert(token, tenant);
        List<String> urgentInventory = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String severity = List.of("urgent", "high", "low").get(i % 3);
            String service = i % 2 == 0 ? "inventory" : "production";
            String id = publish(tenant, service, severity);
            if (severity.equals("urgent") && service.equals("inventory")) {
                urgentInventory.add(id);
            }
        }
        try (SseClient resumed = SseClient.open(
                "api/events?severity=urgent&service=inventory",
                "Authorization",
                "Bearer " + token,
                "Last-Event-ID",
                cursor)) {
            assertEquals(200, resumed.status(), resumed.errorBody());
            List<SseEvent> replayed = readAlerts(resumed, urgentInventory.size());
            assertSameAlerts(urgentInventory, replayed);
            assertIncreasing(cursor, replayed);
            assertNothingMore(resumed);
        }
    }

    @Test
    void anUnknownCursorGetsAResyncEventThenARecentWindow() {
        String tenant = tenant();
        String token = Tokens.user("resync-" + tenant, tenant);
        List<String> published = new ArrayList<>();
        try (SseClient live = SseClient.forToken(token)) {
            live.next(Duration.ofSeconds(10));
            for (int i = 0; i < 25; i++) {
                publish(tenant, "inventory", "medium");
            }
            published.addAll(alertIds(readAlerts(live, 25))); // in stream order
        }
        int window = Integer.getInteger("it.resume.window", 100);
        for (String cursor : List.of("999999999999", "not-a-cursor", "0")) {
            try (SseClient resumed = SseClient.open("api/events?lastEventId=" + cursor + "&token=" + token)) {
                assertEquals("connection", resumed.next(Duration.ofSeconds(10)).name());
                SseEvent resync = resumed.next(Duration.ofSeconds(10));
                assertEquals("resync", resync.name());
                assertEquals("unknown_cursor", resync.json().getString("reason"));
                assertEquals(Math.min(window, 25), resync.json().getInt("window"));
                assertEquals(
                        published.subList(25 - Math.min(window, 25), 25),
                        alertIds(readAlerts(resumed, Math.min(window, 25))),
                        "the newest, oldest first");
                assertNothingMore(resumed);
            }
        }
    }

    @Test
    void aCursorTooFarBehindGetsAResyncEventThenARecentWindow() throws Exception {
        String tenant = tenant();
        String token = Tokens.user("behind-" + tenant, tenant);
        String cursor = cursorOfOneAlert(token, tenant);
        int behind = Integer.getInteger("it.resume.max.events", 10_000) + 1;
        SseClient live = SseClient.forToken(token);
        try {
            live.next(Duration.ofSeconds(10));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < behind; i++) {
                    sent.add(pool.submit(() -> publish(tenant, "inventory", "low")));
                }
                for (Future<?> one : sent) {
                    one.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            live = readAlertsResumingAfterCuts(live, token, cursor, behind); // all of them have their positions now
        } finally {
            live.close();
        }
        int window = Integer.getInteger("it.resume.window", 100);
        try (SseClient resumed = SseClient.open("api/events?lastEventId=" + cursor + "&token=" + token)) {
            assertEquals("connection", resumed.next(Duration.ofSeconds(10)).name());
            SseEvent resync = resumed.next(Duration.ofSeconds(10));
            assertEquals("resync", resync.name(), behind + " alerts behind");
            assertEquals("cursor_too_old", resync.json().getString("reason"));
            assertEquals(window, resync.json().getInt("window"));
            List<SseEvent> recent = readAlerts(resumed, window);
            assertIncreasing(null, recent);
            assertNothingMore(resumed);
        }
    }

    @Test
    void afterTokenExpiryANewTokenAndTheLastIdLoseNothing() {
        String tenant = tenant();
        String user = "expiring-" + tenant;
        String lastId;
        try (SseClient first =
                SseClient.forToken(Tokens.hs256(Tokens.ISSUER, user, List.of(tenant), List.of("user"), 4))) {
            assertEquals(200, first.status());
            lastId = first.awaitAlert(publish(tenant, "inventory", "high"), Duration.ofSeconds(20))
                    .id();
            SseEvent expired = first.await(e -> "token_expired".equals(e.name()), Duration.ofSeconds(15));
            assertNotNull(expired.json().getString("expired_at"));
        }
        List<String> missed = List.of(
                publish(tenant, "inventory", "high"),
                publish(tenant, "sales", "low"),
                publish(tenant, "production", "urgent"));
        try (SseClient renewed =
                SseClient.open("api/events?lastEventId=" + lastId + "&token=" + Tokens.user(user, tenant))) {
            assertEquals(200, renewed.status());
            assertSameAlerts(missed, readAlerts(renewed, 3));
            assertNothingMore(renewed);
        }
    }

    /**
     * Four publishers send 5,000 alerts while a client keeps disconnecting mid-burst and resuming
     * with its last id: it ends up with every alert exactly once, in stream order.
     */
    @Test
    void resumingRepeatedlyDuringAConcurrentBurstLosesAndRepeatsNothing() throws Exception {
        String tenant = tenant();
        String other = tenant();
        String token = Tokens.user("burst-" + tenant, tenant);
        int publishers = 4;
        int perPublisher = 1_250;
        Set<String> expected = ConcurrentHashMap.newKeySet();
        List<SseEvent> received = new ArrayList<>();
        String lastId = null;
        int segments = 0;
        int slowConsumerCuts = 0;
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        try {
            SseClient client = SseClient.forToken(token);
            assertEquals("connection", client.next(Duration.ofSeconds(10)).name());
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                int publisher = p;
                running.add(pool.submit(() -> {
                    for (int n = 0; n < perPublisher; n++) {
                        String id = "burst-" + tenant + "-" + publisher + "-" + n;
                        expected.add(id);
                        publish(alert(id, tenant, "inventory", "high"));
                        if (n % 10 == 0) {
                            publish(alert(Server.newId(), other, "inventory", "high"));
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            int total = publishers * perPublisher;
            while (received.size() < total && System.nanoTime() < deadline) {
                int quota = ThreadLocalRandom.current().nextInt(200, 1_200);
                int taken = 0;
                long quietSince = System.nanoTime();
                SseEvent event;
                while (taken < quota
                        && received.size() < total
                        && System.nanoTime() < deadline
                        && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(30)
                        && (event = client.next(Duration.ofSeconds(30))) != null) {
                    if (event.isAlert()) {
                        received.add(event);
                        lastId = event.id();
                        taken++;
                        quietSince = System.nanoTime();
                    } else if ("slow_consumer".equals(event.name())) {
                        slowConsumerCuts++; // fell behind under this load: resume like any client
                        break;
                    } else {
                        assertTrue(List.of("connection", "heartbeat").contains(event.name()), "unexpected " + event);
                    }
                }
                if (received.size() >= total) {
                    break;
                }
                client.close(); // mid-burst
                segments++;
                Thread.sleep(ThreadLocalRandom.current().nextInt(50, 400));
                client = SseClient.open("api/events?lastEventId=" + lastId + "&token=" + token);
                assertEquals(200, client.status(), client.errorBody());
                assertEquals("connection", client.next(Duration.ofSeconds(10)).name());
            }
            for (Future<?> publisher : running) {
                publisher.get(5, TimeUnit.MINUTES);
            }
            assertNothingMore(client);
            client.close();
        } finally {
            pool.shutdownNow();
        }
        List<String> ids = alertIds(received);
        assertTrue(segments >= 3, "the client resumed only " + segments + " times");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "an alert arrived twice");
        Set<String> lost = new HashSet<>(expected);
        lost.removeAll(ids);
        assertTrue(
                lost.isEmpty(),
                lost.size() + " alerts were lost, e.g. "
                        + lost.stream().limit(5).toList());
        assertEquals(expected, new HashSet<>(ids));
        assertIncreasing(null, received);
        System.out.printf(
                "resume burst: %d alerts, %d resumes (%d after a slow_consumer cut)%n",
                ids.size(), segments, slowConsumerCuts);
    }

    /**
     * The same alerts, each once. Their order is the stream's (positions, checked separately), which
     * need not be the order they were published in: concurrent consumers store them in any order.
     */
    static void assertSameAlerts(List<String> expected, List<SseEvent> events) {
        List<String> ids = alertIds(events);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "an alert twice: " + ids);
        assertEquals(new HashSet<>(expected), new HashSet<>(ids));
    }

    static void assertIncreasing(String after, List<SseEvent> events) {
        long previous = after == null ? 0 : Long.parseLong(after);
        for (SseEvent event : events) {
            long position = Long.parseLong(event.id());
            assertTrue(position > previous, "position " + position + " after " + previous);
            assertEquals(position, event.json().getJsonNumber("position").longValue());
            previous = position;
        }
    }
}
