package com.bakeryia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * The email notifications: every alert of the bench tenants goes out as one email (each tenant's
 * settings are put first: one recipient, one rule "all alerts by email", no grouping) to an SMTP
 * sink in this process ({@link SmtpSink}, on the port the server was configured with). C alerts
 * published through RabbitMQ as fast as it confirms them; deliveries/s = unique emails / (last
 * receipt - first publish), publish-to-mail latency per alert, lost, duplicated, server CPU.
 */
final class Deliveries {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Deliveries() {
    }

    static Map<String, Object> run(Args a) throws Exception {
        Target target = Target.from(a);
        int tenants = a.integer("tenants", 100);
        int count = a.integer("count", 1000);
        int warm = a.integer("warmup-alerts", 200);
        int smtpPort = a.integer("smtp-port", 29025);
        long maxSeconds = a.longValue("max-s", 600);
        long stallSeconds = a.longValue("stall-s", 60);
        String prefix = a.str("tenant-prefix", "bench-t");
        String domain = a.str("mail-domain", "bench.local");
        Map<String, Object> r = Scenarios.header("deliveries", target, a);
        Map<String, Object> params = Scenarios.params(r);
        params.put("alerts", count);
        params.put("tenants", tenants);
        params.put("warmup_alerts", warm);
        params.put("smtp_sink_port", smtpPort);
        params.put("window", a.integer("window", 1000));
        long scenario = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        params.put("scenario_id", scenario);

        // The sink alone first: its ceiling, to compare the application's figure with.
        r.put("sink_alone", SmtpLoad.run(a.integer("sink-check-messages", 3000),
                a.integer("sink-check-connections", 64)));

        try (SmtpSink smtp = new SmtpSink(smtpPort);
             AmqpPublisher amqp = new AmqpPublisher(a.str("amqp-host", "127.0.0.1"), a.integer("amqp-port", 5672),
                     a.str("amqp-vhost", "bench"), a.str("amqp-user", "guest"), a.str("amqp-password", "guest"),
                     a.str("exchange", "alerts.exchange"), a.integer("window", 1000))) {
            Map<String, Object> settings = putSettings(a, target, tenants, prefix, domain);
            r.put("settings", settings);
            if (((Number) settings.get("failed")).intValue() > 0) {
                r.put("summary", "deliveries " + target.kind + ": FAILED to put the notification settings: "
                        + settings.get("first_error"));
                r.put("notifications_metrics", notificationMetrics(target));
                return r;
            }

            // Warm-up: the same path (class loading, JIT compilation, connection pools), not measured.
            if (warm > 0) {
                long w = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
                smtp.expect(w, warm, tenants, prefix, domain);
                long t = System.nanoTime();
                publish(amqp, w, warm, tenants, prefix, new long[warm]);
                long deadline = t + a.longValue("warmup-max-s", 120) * 1_000_000_000L;
                while (smtp.unique() < warm && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Map<String, Object> wu = new LinkedHashMap<>();
                wu.put("alerts", warm);
                wu.put("emails", smtp.unique());
                wu.put("seconds", Scenarios.round1((System.nanoTime() - t) / 1e9));
                r.put("warmup", wu);
            }
            // What the server burns with nothing to send (the dispatcher's polling, heartbeats).
            Scenarios.CpuMark q0 = Scenarios.CpuMark.of(target, null);
            Thread.sleep(a.longValue("baseline-s", 5) * 1000);
            Scenarios.CpuMark q1 = Scenarios.CpuMark.of(target, null);
            double baselineServer = (q1.server() - q0.server()) / ((q1.nanos() - q0.nanos()) / 1e9);

            smtp.expect(scenario, count, tenants, prefix, domain);
            long foreign0 = smtp.foreign.sum();
            long confirmed0 = amqp.confirmed();
            long failed0 = amqp.failed();
            long messages0 = smtp.messages.sum();
            long[] pubMicros = new long[count];
            Scenarios.CpuMark c0 = Scenarios.CpuMark.of(target, null);
            long t0 = System.nanoTime();
            Map<String, Object> pub = publish(amqp, scenario, count, tenants, prefix, pubMicros);
            long t0Micros = pubMicros[0];

            List<Map<String, Object>> timeline = new ArrayList<>();
            long lastChange = System.nanoTime();
            long lastUnique = -1;
            long prevUnique = 0;
            long prevAt = t0;
            double prevServer = c0.server();
            long nextPoint = t0 + 1_000_000_000L;
            String stopped = null;
            while (true) {
                Thread.sleep(100);
                long now = System.nanoTime();
                long unique = smtp.unique();
                if (unique != lastUnique) {
                    lastUnique = unique;
                    lastChange = now;
                }
                if (now >= nextPoint || unique >= count) {
                    double server = target.cpuSeconds();
                    double dt = (now - prevAt) / 1e9;
                    Map<String, Object> point = new LinkedHashMap<>();
                    point.put("t_s", Scenarios.round1((now - t0) / 1e9));
                    point.put("emails", unique);
                    point.put("emails_per_s", Scenarios.round1((unique - prevUnique) / dt));
                    point.put("smtp_connections_open", smtp.openConnections.get());
                    point.put("server_cpu_pct", Scenarios.round1((server - prevServer) / dt * 100));
                    timeline.add(point);
                    prevUnique = unique;
                    prevAt = now;
                    prevServer = server;
                    nextPoint = now + 1_000_000_000L;
                }
                if (unique >= count) {
                    break;
                }
                if (now - lastChange > stallSeconds * 1_000_000_000L) {
                    stopped = "no new email for " + stallSeconds + " s";
                    break;
                }
                if (now - t0 > maxSeconds * 1_000_000_000L) {
                    stopped = "time limit of " + maxSeconds + " s";
                    break;
                }
            }
            Scenarios.CpuMark c1 = Scenarios.CpuMark.of(target, null);
            String loadAtEnd = Probe.loadavg();
            amqp.drain(30_000);
            pub.put("confirmed", amqp.confirmed() - confirmed0);
            pub.put("failed", amqp.failed() - failed0);
            r.put("publish", pub);
            if (stopped != null) {
                r.put("stopped", stopped);
            }
            // A copy sent twice would come now (a lost acknowledgement) or after the claim's lease.
            Thread.sleep(a.longValue("settle-s", 3) * 1000);

            long unique = smtp.unique();
            long last = smtp.lastReceiptMicros();
            Histogram h = new Histogram(Receipts.MAX_MICROS, 3);
            for (int k = 0; k < count; k++) {
                long at = smtp.receivedAt(k);
                if (at > 0) {
                    h.recordValue(Math.max(0, Math.min(at - pubMicros[k], Receipts.MAX_MICROS)));
                }
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("expected", count);
            d.put("received_unique", unique);
            d.put("lost", count - unique);
            d.put("duplicated", smtp.duplicates());
            d.put("foreign", smtp.foreign.sum() - foreign0);
            d.put("unmarked", smtp.unmarked.sum());
            d.put("wrong_recipient", smtp.wrongRecipient.sum());
            d.put("messages_received", smtp.messages.sum() - messages0);
            d.put("smtp_connections_max_open", smtp.maxOpenConnections.get());
            d.put("first_publish_us", t0Micros);
            d.put("first_receipt_us", smtp.firstReceiptMicros());
            d.put("last_receipt_us", last);
            double window = last > t0Micros ? (last - t0Micros) / 1e6 : 0;
            d.put("window_s", Scenarios.round2(window));
            d.put("per_second", window > 0 ? Scenarios.round1(unique / window) : 0.0);
            d.put("per_second_note", "unique emails / (last receipt - first publish)");
            r.put("deliveries", d);
            Map<String, Object> lat = Scenarios.latency(h);
            if (h.getTotalCount() > 0) {
                lat.put("p95_us", h.getValueAtPercentile(95));
            }
            r.put("latency_us", lat);
            r.put("timeline", timeline);
            Map<String, Object> cpu = Scenarios.cpu(c0, c1, unique);
            cpu.put("server_pct_of_one_core_before_publishing", Scenarios.round1(baselineServer * 100));
            r.put("cpu", cpu);
            r.put("loadavg_at_last_email", loadAtEnd);
            r.put("notifications_metrics", notificationMetrics(target));
            r.put("deliveries_table", deliveryRows(a));
            r.put("summary", String.format(Locale.ROOT,
                    "deliveries %s: %d alerts over %d tenants -> email: %.1f deliveries/s (%d in %.1f s; sink alone "
                            + "%s/s); latency ms p50 %s p95 %s p99 %s max %s; lost %d dup %d; "
                            + "server CPU %s%% of a core "
                            + "(idle %s%%), %s us/email; load %s",
                    target.kind, count, tenants, ((Number) d.get("per_second")).doubleValue(), unique, window,
                    ((Map<?, ?>) r.get("sink_alone")).get("per_second"), Scenarios.ms(lat, "p50_us"),
                    Scenarios.ms(lat, "p95_us"), Scenarios.ms(lat, "p99_us"), Scenarios.ms(lat, "max_us"),
                    count - unique, smtp.duplicates(), cpu.get("server_pct_of_one_core"),
                    cpu.get("server_pct_of_one_core_before_publishing"), cpu.get("server_us_per_delivery"), loadAtEnd)
                    + (stopped == null ? "" : " (stopped: " + stopped + ")"));
        }
        return r;
    }

    /** Alerts 0..count-1, as fast as RabbitMQ confirms them, each stamped just before it is sent. */
    private static Map<String, Object> publish(AmqpPublisher amqp, long scenario, int count, int tenants, String prefix,
                                               long[] pubMicros) throws Exception {
        long start = System.nanoTime();
        for (int k = 0; k < count; k++) {
            if (!amqp.awaitCapacity(60_000)) {
                throw new IllegalStateException("RabbitMQ confirmed nothing for 60 s");
            }
            String tenant = Bench.tenant(prefix, k % tenants);
            long now = Receipts.nowMicros();
            pubMicros[k] = now;
            amqp.send(k, tenant, Alerts.body(scenario, k, tenant, now, SmtpSink.MARKER + scenario + "-" + k));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sent", count);
        p.put("seconds", Scenarios.round2(seconds));
        p.put("per_second", Scenarios.round1(count / Math.max(seconds, 1e-9)));
        return p;
    }

    /** PUT each bench tenant's settings: its one address, every alert by email, no grouping. */
    private static Map<String, Object> putSettings(Args a, Target target, int tenants, String prefix, String domain)
            throws Exception {
        PrivateKey key = Jwt.readPrivate(Path.of(a.required("keys")));
        String token = Jwt.token(key, a.str("issuer", "https://bench.local"), "bench-admin", List.of(),
                List.of("alerts-admin"), Instant.now().getEpochSecond(), 3600);
        Map<Integer, Integer> statuses = new TreeMap<>();
        String firstError = null;
        int failed = 0;
        long t0 = System.nanoTime();
        for (int t = 0; t < tenants; t++) {
            String tenant = Bench.tenant(prefix, t);
            String body = "{\"recipients\":{\"email\":[\"ops-" + tenant + "@" + domain + "\"]},"
                    + "\"rules\":[{\"channels\":[\"email\"]}],\"group_window_seconds\":0}";
            HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + target.host + ":"
                                    + target.port + "/api/admin/tenants/" + tenant + "/notifications"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.merge(resp.statusCode(), 1, Integer::sum);
            if (resp.statusCode() != 200) {
                failed++;
                if (firstError == null) {
                    firstError = tenant + ": HTTP " + resp.statusCode() + " " + resp.body();
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenants", tenants);
        m.put("statuses", statuses);
        m.put("failed", failed);
        if (firstError != null) {
            m.put("first_error", firstError);
        }
        m.put("seconds", Scenarios.round2((System.nanoTime() - t0) / 1e9));
        return m;
    }

    /** The application's outbox at the end: rows of its {@code deliveries} table by channel and status. */
    private static Map<String, Object> deliveryRows(Args a) {
        Map<String, Object> m = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(a.str("db-url", "jdbc:postgresql://127.0.0.1:5432/bench"),
                a.str("db-user", "postgres"), a.str("db-password", ""));
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select channel, status, count(*), sum(attempts) from deliveries"
                     + " group by channel, status")) {
            while (rs.next()) {
                m.put(rs.getString(1) + "/" + rs.getString(2),
                        Map.of("rows", rs.getLong(3), "attempts", rs.getLong(4)));
            }
        } catch (Exception e) {
            m.put("error", e.toString());
        }
        return m;
    }

    /** The {@code notifications_*} samples of /metrics?scope=application, as the server printed them. */
    static List<String> notificationMetrics(Target target) {
        List<String> lines = new ArrayList<>();
        try {
            HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(URI.create(target.metricsUrl
                            + "?scope=application")).timeout(Duration.ofSeconds(20)).header("Accept", "text/plain")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            for (String line : resp.body().split("\n")) {
                if (line.startsWith("notifications_") || line.startsWith("# TYPE notifications_")) {
                    lines.add(line.strip());
                }
            }
            if (resp.statusCode() != 200) {
                lines.add("HTTP " + resp.statusCode());
            }
        } catch (Exception e) {
            lines.add("unreadable: " + e);
        }
        return lines;
    }
}
