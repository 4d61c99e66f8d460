package com.bakeryia.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The bench's alerts, in the message contract of DESIGN.md: alert {@code k} of scenario
 * {@code s} has id {@code bench-<s>-<k>}, belongs to tenant {@code k mod T}, and carries in its
 * metadata its scenario, its index and its publish time (epoch microseconds of this machine's
 * clock, read just before it is handed to the broker).
 */
final class Alerts {

    static final String SERVICE = "inventory";
    static final String[] SEVERITIES = {"urgent", "high", "medium", "low"};

    private Alerts() {
    }

    static String id(long scenario, long k) {
        return "bench-" + scenario + "-" + k;
    }

    static String severity(long k) {
        return SEVERITIES[(int) (k % SEVERITIES.length)];
    }

    /** RabbitMQ routing key: {@code alert.<severity>.<service>}. */
    static String routingKey(long k) {
        return "alert." + severity(k) + "." + SERVICE;
    }

    static byte[] body(long scenario, long k, String tenant, long pubMicros) {
        return body(scenario, k, tenant, pubMicros, "Flour below minimum (bench " + k + ")");
    }

    /** The same alert with a title of the caller's (plain ASCII, no quotes or backslashes). */
    static byte[] body(long scenario, long k, String tenant, long pubMicros, String title) {
        Instant now = Instant.ofEpochSecond(pubMicros / 1_000_000, (pubMicros % 1_000_000) * 1_000)
                .truncatedTo(ChronoUnit.MILLIS);
        String json = "{\"id\":\"" + id(scenario, k) + "\""
                + ",\"tenant_id\":\"" + tenant + "\""
                + ",\"item_type\":\"alert\""
                + ",\"service\":\"" + SERVICE + "\""
                + ",\"type\":\"low_stock\""
                + ",\"severity\":\"" + severity(k) + "\""
                + ",\"title\":" + Jwt.quote(title)
                + ",\"message\":\"12 kg left\""
                + ",\"actions\":[\"reorder\"]"
                + ",\"metadata\":{\"sku\":\"FLOUR-1\",\"bench_s\":" + scenario + ",\"bench_k\":" + k
                + ",\"bench_pub_us\":" + pubMicros + "}"
                + ",\"timestamp\":\"" + now + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
