package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A client that reads nothing is cut once its send queue passes the configured bound, and the
 * other clients of its tenant are not slowed down: the same burst is sent without and with such a
 * client, and the others' delivery latency is measured both times (figures in
 * target/slow-consumer-latency.json).
 */
class SlowConsumerIT {

    static final int BURST = 150;
    static final int QUEUE_MAX = Integer.getInteger("it.send.queue.max", 1000);
    static final Pattern CUT = Pattern.compile("(?m)^sse_streams_cut_total\\{[^}]*} ([0-9.]+)");
    static final String BIG = "x".repeat(30_000);

    record Phase(double p50, double p95, double max) {}

    @Test
    void aClientThatReadsNothingIsCutAndOthersKeepTheirPace() throws Exception {
        String tenant = "slow-" + Server.newId().substring(0, 8);
        List<SseClient> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SseClient client = SseClient.forToken(Tokens.user("reader-" + i + "-" + tenant, tenant));
            assertEquals("connection", client.next(Duration.ofSeconds(10)).name());
            others.add(client);
        }
        try {
            Phase without = burst(tenant, others);
            double cutBefore = cutCount();
            try (Socket silent = new Socket()) {
                silent.setReceiveBufferSize(4096); // and it never reads
                silent.connect(new InetSocketAddress(Server.BASE.getHost(), Server.BASE.getPort()));
                silent.getOutputStream()
                        .write(("GET /api/events?token=" + Tokens.user("silent-" + tenant, tenant)
                                        + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(500);
                Phase with = burst(tenant, others);

                Awaitility.await()
                        .atMost(Duration.ofSeconds(Integer.getInteger("it.write.timeout.seconds", 30) + 10))
                        .until(() -> cutCount() > cutBefore);
                silent.setSoTimeout(1000);
                String received = readToEnd(silent.getInputStream(), Duration.ofSeconds(30));
                int alertsReceived = count(received, "event: inventory_alert");
                assertTrue(
                        alertsReceived < BURST,
                        "the silent client was cut before the burst's end, having taken " + alertsReceived
                                + " alerts into its socket buffers (queue bound " + QUEUE_MAX + ")");

                Files.createDirectories(Path.of("target"));
                Files.writeString(
                        Path.of("target", "slow-consumer-latency.json"),
                        Json.createObjectBuilder()
                                .add("burst_alerts", BURST)
                                .add("alert_bytes", BIG.length())
                                .add("send_queue_max", QUEUE_MAX)
                                .add("without_slow_client_ms", phase(without))
                                .add("with_slow_client_ms", phase(with))
                                .add("silent_client_alerts_before_cut", alertsReceived)
                                .build()
                                .toString());
                System.out.printf(
                        "slow consumer: others' latency p50/p95/max without %.0f/%.0f/%.0f ms,"
                                + " with %.0f/%.0f/%.0f ms; silent client cut after %d alerts%n",
                        without.p50(),
                        without.p95(),
                        without.max(),
                        with.p50(),
                        with.p95(),
                        with.max(),
                        alertsReceived);
                assertTrue(
                        with.p95() <= Math.max(2 * without.p95(), without.p95() + 250),
                        "the others' p95 latency grew from " + without.p95() + " ms to " + with.p95() + " ms");
                assertTrue(
                        with.max() <= Math.max(2 * without.max(), without.max() + 1000),
                        "the others' worst latency grew from " + without.max() + " ms to " + with.max() + " ms");
            }
        } finally {
            others.forEach(SseClient::close);
        }
    }

    /** Publishes the burst and returns the delivery latency seen by the other clients. */
    private static Phase burst(String tenant, List<SseClient> clients) {
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        for (int i = 0; i < BURST; i++) {
            String id = Server.newId();
            sentAt.put(id, Instant.now());
            String alert = Json.createObjectBuilder()
                    .add("id", id)
                    .add("tenant_id", tenant)
                    .add("item_type", "alert")
                    .add("service", "inventory")
                    .add("type", "low_stock")
                    .add("severity", "high")
                    .add("title", "burst " + i)
                    .add("message", BIG)
                    .add("timestamp", "2026-11-27T08:00:00Z")
                    .build()
                    .toString();
            assertEquals(
                    202,
                    Server.post("api/alerts", Server.publisherToken(), alert).statusCode());
        }
        List<Double> latencies = new ArrayList<>();
        for (SseClient client : clients) {
            int seen = 0;
            while (seen < BURST) {
                SseEvent event = client.next(Duration.ofSeconds(30));
                assertNotNull(event, "a reading client got only " + seen + " of " + BURST);
                if (event.isAlert()) {
                    Instant sent = sentAt.get(event.json().getString("id"));
                    assertNotNull(sent, "an alert of an earlier burst");
                    latencies.add(
                            (double) Duration.between(sent, event.receivedAt()).toMillis());
                    seen++;
                }
            }
        }
        Collections.sort(latencies);
        return new Phase(percentile(latencies, 0.50), percentile(latencies, 0.95), latencies.get(latencies.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static jakarta.json.JsonObject phase(Phase phase) {
        return Json.createObjectBuilder()
                .add("p50", phase.p50())
                .add("p95", phase.p95())
                .add("max", phase.max())
                .build();
    }

    private static double cutCount() {
        Matcher matcher =
                CUT.matcher(Server.get("metrics?scope=application", null).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static String readToEnd(InputStream in, Duration timeout) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException reset) {
                break; // the server reset the connection: cut
            }
            if (n < 0) {
                return all.toString(StandardCharsets.UTF_8);
            }
            all.write(buffer, 0, n);
            if (all.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
                return all.toString(StandardCharsets.UTF_8); // the last chunk: the response ended
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        assertTrue(
                System.nanoTime() < deadline,
                "the server never ended the silent client's stream; it ends with: "
                        + text.substring(Math.max(0, text.length() - 300)).replace("x".repeat(100), "x…"));
        return text;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
