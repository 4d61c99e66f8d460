package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The stream's own events, and what happens to streams whose clients leave. */
class StreamLifecycleIT {

    @Test
    void startsWithConnectionThenBeatsAtTheConfiguredInterval() {
        try (SseClient client = SseClient.forToken(Server.demoToken("carol"))) {
            assertEquals(200, client.status());
            assertTrue(client.contentType().startsWith("text/event-stream"), client.contentType());
            assertEquals(java.util.Optional.of("no"), client.header("X-Accel-Buffering"), "proxies must not buffer");
            assertTrue(
                    client.header("Cache-Control").orElse("").contains("no-cache"),
                    "caches must not keep a stream: " + client.header("Cache-Control"));
            SseEvent hello = client.next(Duration.ofSeconds(10));
            assertEquals("connection", hello.name(), "the first event");
            JsonObject data = hello.json();
            assertEquals("carol", data.getString("user"));
            assertEquals(2, data.getJsonArray("tenants").size());
            assertNotNull(Instant.parse(data.getString("server_time")));
            assertEquals(Server.HEARTBEAT_SECONDS, data.getInt("heartbeat_seconds"));
            assertNotNull(hello.retry(), "a reconnect delay is announced");
            assertTrue(hello.retry() >= 1000 && hello.retry() <= 5000, "retry " + hello.retry());

            Duration patience = Duration.ofSeconds(Server.HEARTBEAT_SECONDS * 3L);
            SseEvent first = client.await(e -> "heartbeat".equals(e.name()), patience);
            SseEvent second = client.await(e -> "heartbeat".equals(e.name()), patience);
            long gapMillis =
                    Duration.between(first.receivedAt(), second.receivedAt()).toMillis();
            long expected = Server.HEARTBEAT_SECONDS * 1000L;
            assertTrue(
                    gapMillis > expected / 2 && gapMillis < expected * 2 + 500,
                    "heartbeats " + gapMillis + " ms apart, configured " + expected + " ms");
            assertNotNull(Instant.parse(second.json().getString("server_time")));
        }
    }

    @Test
    void theStreamEndsAtTheTokensExpiryWithAnEventSayingSo() {
        try (SseClient client = SseClient.forToken(Server.demoToken("alice", 3))) {
            assertEquals(200, client.status());
            SseEvent expired = client.await(e -> "token_expired".equals(e.name()), Duration.ofSeconds(15));
            assertNotNull(Instant.parse(expired.json().getString("expired_at")));
            assertTrue(expired.json().getString("message").contains("renew"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(client::ended);
        }
    }

    @Test
    void disconnectedClientsAreRemovedFromTheirBroadcasters() throws IOException {
        Awaitility.await()
                .atMost(Duration.ofSeconds(Server.HEARTBEAT_SECONDS * 4L + 10))
                .until(() -> Server.openStreams() == 0);
        int baseline = Server.openStreams();
        String run = Server.newId().substring(0, 8);

        for (int i = 0; i < 1_000; i++) {
            // A user and tenant per cycle: the server notices a client gone only at its next write,
            // and the per-user and per-tenant stream limits count the streams it has not noticed yet.
            String request = "GET /api/events?token=" + Tokens.user("cycler-" + i, "cycles-" + run + "-" + i)
                    + " HTTP/1.1\r\n"
                    + "Host: " + Server.BASE.getHost() + "\r\n"
                    + "Accept: text/event-stream\r\n\r\n";
            byte[] requestBytes = request.getBytes(StandardCharsets.US_ASCII);
            try (Socket socket = new Socket(Server.BASE.getHost(), Server.BASE.getPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(requestBytes);
                out.flush();
                awaitConnectionEvent(socket.getInputStream(), i);
            }
        }
        assertTrue(Server.openStreams() > baseline, "the server had not noticed the clients leaving yet");

        // Heartbeats find the dead connections; every sink is dropped within a few intervals.
        Awaitility.await()
                .atMost(Duration.ofSeconds(Server.HEARTBEAT_SECONDS * 4L + 30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Server.openStreams() == baseline);
    }

    private static void awaitConnectionEvent(InputStream in, int cycle) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (seen.indexOf("event: connection") < 0 && seen.indexOf("event:connection") < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new AssertionError("cycle " + cycle + ": stream ended before the connection event: " + seen);
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (seen.length() > 0 && !seen.toString().startsWith("HTTP/1.1 200")) {
                throw new AssertionError("cycle " + cycle + ": " + seen);
            }
        }
    }
}
