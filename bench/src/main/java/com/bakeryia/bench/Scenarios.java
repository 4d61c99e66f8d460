package com.bakeryia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/** The scenarios; each writes one JSON result file and prints a one-line summary. */
final class Scenarios {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Scenarios() {
    }

    // ---------------------------------------------------------------- idle

    /**
     * Holds N streams over T tenants: memory of the server before and after (after a full GC),
     * per stream, and how fast they connected; then how long the server takes to notice they
     * closed.
     */
    static Map<String, Object> idle(Args a, String name) throws Exception {
        Target target = Target.from(a);
        int n = a.integer("connections", 500);
        int tenants = a.integer("tenants", 100);
        long hold = a.longValue("hold-s", 20);
        Map<String, Object> r = header(name, target, a);
        Map<String, Object> params = params(r);
        params.put("connections", n);
        params.put("tenants", tenants);
        params.put("hold_s", hold);

        r.put("streams_open_at_start", target.waitStreamsClosed(a.longValue("drain-wait-s", 60)));
        Map<String, Object> before = target.memory(true);
        r.put("server_before", before);
        Map<String, Object> connections;
        Map<String, Object> after;
        Map<String, Object> held = new LinkedHashMap<>();
        try (Workers w = workers(a, target, n, tenants, false)) {
            params.put("client_processes", w.size());
            CpuMark c0 = CpuMark.of(target, w);
            connections = connect(w, a, n);
            CpuMark c1 = CpuMark.of(target, w);
            connections.put("cpu", cpu(c0, c1, 0));
            r.put("connections", connections);
            Thread.sleep(hold * 1000);
            List<JsonNode> s = w.ask("stats 0", "stats", 60_000);
            held.put("open_client_side", Workers.sum(s, "open"));
            held.put("heartbeats_received", Workers.sum(s, "heartbeats"));
            after = target.memory(true);
            held.put("client_rss_kb", clientRss(w));
            r.put("server_after", after);
            r.put("held", held);
        }
        long established = ((Number) connections.get("established")).longValue();
        Map<String, Object> per = new LinkedHashMap<>();
        if (established > 0) {
            per.put("rss_kib", round1(delta(before, after, "rss_kb") / (double) established));
            if (target.liberty()) {
                per.put("heap_kib", round1(delta(before, after, "heap_used_bytes") / 1024.0 / established));
            } else {
                per.put("pss_kib", round1(delta(before, after, "pss_kb") / (double) established));
            }
        }
        r.put("memory_per_stream", per);
        if (target.liberty()) {
            long t0 = System.nanoTime();
            long left = target.waitStreamsClosed(a.longValue("reclaim-wait-s", 40));
            Map<String, Object> reclaim = new LinkedHashMap<>();
            reclaim.put("streams_open_after_wait", left);
            reclaim.put("seconds", round1((System.nanoTime() - t0) / 1e9));
            reclaim.put("note", "the server notices closed streams only when a write to them fails (heartbeat)");
            r.put("after_client_close", reclaim);
        }
        r.put("summary", String.format(Locale.ROOT,
                "%s %s: %d/%d streams over %d tenants in %.1f s (%.0f/s; middle half %.0f/s); memory per stream: %s; "
                        + "heartbeats %d",
                name, target.kind, established, n, tenants, ((Number) connections.get("seconds")).doubleValue(),
                ((Number) connections.get("per_second")).doubleValue(),
                ((Number) connections.get("per_second_middle_half")).doubleValue(), perText(per),
                ((Number) held.get("heartbeats_received")).longValue()));
        return r;
    }

    // ---------------------------------------------------------------- fanout (and peer)

    /**
     * N streams over T tenants; R alerts/s for D seconds, alert k to tenant k mod T, through
     * RabbitMQ (the application) or Nchan's HTTP publisher (the peer); deliveries/s, latency from
     * the publish time carried in the alert to its receipt, lost and duplicated deliveries.
     */
    static Map<String, Object> fanout(Args a, String name) throws Exception {
        Target target = Target.from(a);
        int n = a.integer("connections", 200);
        int tenants = a.integer("tenants", 10);
        double rate = a.decimal("rate", 50);
        double duration = a.decimal("duration-s", 10);
        long count = Math.round(rate * duration);
        Map<String, Object> r = header(name, target, a);
        Map<String, Object> params = params(r);
        params.put("connections", n);
        params.put("tenants", tenants);
        params.put("rate_per_s", rate);
        params.put("duration_s", duration);
        params.put("alerts", count);
        params.put("expected_deliveries_per_s", round1(rate * n / (double) tenants));

        r.put("streams_open_at_start", target.waitStreamsClosed(a.longValue("drain-wait-s", 60)));
        Map<String, Object> before = target.memory(true);
        r.put("server_before", before);
        long scenario = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        params.put("scenario_id", scenario);
        try (Workers w = workers(a, target, n, tenants, target.liberty())) {
            params.put("client_processes", w.size());
            Map<String, Object> connections = connect(w, a, n);
            r.put("connections", connections);
            long established = ((Number) connections.get("established")).longValue();
            Map<String, Object> connected = target.memory(true);
            r.put("server_connected", connected);
            Map<String, Object> per = new LinkedHashMap<>();
            if (established > 0) {
                per.put("rss_kib", round1(delta(before, connected, "rss_kb") / (double) established));
                if (target.liberty()) {
                    per.put("heap_kib", round1(delta(before, connected, "heap_used_bytes") / 1024.0 / established));
                } else {
                    per.put("pss_kib", round1(delta(before, connected, "pss_kb") / (double) established));
                }
            }
            r.put("memory_per_stream", per);

            try (AlertSink sink = sink(a, target)) {
                Run run = publishAndCollect(a, target, w, sink, scenario, count, rate, tenants,
                        (long) (duration * 1000));
                r.put("publish", run.publish);
                r.put("timeline", run.timeline);
                Map<String, Object> d = run.deliveries;
                r.put("deliveries", d);
                r.put("latency_us", run.latency);
                if (run.toStored != null) {
                    r.put("publish_to_stored_us", run.toStored);
                    r.put("stored_to_receipt_us", run.fromStored);
                }
                r.put("cpu", run.cpu);
                r.put("server_after", target.memory(false));
                r.put("summary", String.format(Locale.ROOT,
                        "%s %s: %d streams x %d tenants, %.0f alerts/s x %.0f s: %.0f deliveries/s "
                                + "(expected %.0f); latency ms p50 %s p90 %s p99 %s p99.9 %s max %s; lost %d dup %d; "
                                + "server CPU %s%%",
                        name, target.kind, established, tenants, rate, duration,
                        ((Number) d.get("per_second")).doubleValue(), rate * established / tenants,
                        ms(run.latency, "p50_us"), ms(run.latency, "p90_us"), ms(run.latency, "p99_us"),
                        ms(run.latency, "p999_us"), ms(run.latency, "max_us"),
                        ((Number) d.get("lost")).longValue(), ((Number) d.get("duplicated")).longValue(),
                        run.cpu.get("server_pct_of_one_core")));
            }
        }
        return r;
    }

    /** The peer: the fanout workload against Nchan, and its ratio to the application's figures. */
    static Map<String, Object> peer(Args a) throws Exception {
        Map<String, Object> r = fanout(a, "peer");
        Path liberty = Path.of(a.str("compare", Path.of(a.required("out")).resolveSibling("fanout.json").toString()));
        if (Files.isRegularFile(liberty)) {
            JsonNode f = JSON.readTree(liberty.toFile());
            JsonNode p = JSON.valueToTree(r);
            Map<String, Object> ratio = new LinkedHashMap<>();
            ratio.put("note", "application / nchan; above 1 means the application needs more (latency, CPU, "
                    + "memory) or delivers more (deliveries/s)");
            ratio.put("deliveries_per_s", ratioOf(f.at("/deliveries/per_second"), p.at("/deliveries/per_second")));
            for (String q : List.of("p50_us", "p90_us", "p99_us", "p999_us", "max_us")) {
                ratio.put("latency_" + q, ratioOf(f.at("/latency_us/" + q), p.at("/latency_us/" + q)));
            }
            ratio.put("server_cpu_us_per_delivery", ratioOf(f.at("/cpu/server_us_per_delivery"),
                    p.at("/cpu/server_us_per_delivery")));
            ratio.put("same_workload", f.at("/params/connections").equals(p.at("/params/connections"))
                    && f.at("/params/tenants").equals(p.at("/params/tenants"))
                    && f.at("/params/rate_per_s").equals(p.at("/params/rate_per_s"))
                    && f.at("/params/duration_s").equals(p.at("/params/duration_s")));
            r.put("ratio_application_to_nchan", ratio);
            r.put("summary", r.get("summary") + String.format(Locale.ROOT,
                    "; application/nchan: deliveries/s %s, p99 %s, server CPU/delivery %s",
                    ratio.get("deliveries_per_s"), ratio.get("latency_p99_us"), ratio.get("server_cpu_us_per_delivery")));
        }
        return r;
    }

    // ---------------------------------------------------------------- ingest

    /**
     * Publishes C alerts as fast as RabbitMQ confirms them (a bounded window unconfirmed), and
     * measures how fast the application stores them (rows in its database, polled) and when the
     * last one is seen on a stream (one stream per tenant).
     */
    static Map<String, Object> ingest(Args a) throws Exception {
        Target target = Target.from(a);
        int tenants = a.integer("tenants", 100);
        int n = a.integer("connections", tenants);
        long count = a.longValue("count", 2000);
        long maxSeconds = a.longValue("max-s", 1200);
        long stallSeconds = a.longValue("stall-s", 60);
        Map<String, Object> r = header("ingest", target, a);
        Map<String, Object> params = params(r);
        params.put("alerts", count);
        params.put("tenants", tenants);
        params.put("connections", n);
        params.put("window", a.integer("window", 1000));
        long scenario = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        params.put("scenario_id", scenario);
        r.put("streams_open_at_start", target.waitStreamsClosed(a.longValue("drain-wait-s", 60)));

        String dbUrl = a.str("db-url", "jdbc:postgresql://127.0.0.1:5432/bench");
        try (Workers w = workers(a, target, n, tenants, true);
             Connection db = DriverManager.getConnection(dbUrl, a.str("db-user", "postgres"), a.str("db-password", ""));
             AlertSink sink = sink(a, target)) {
            r.put("connections", connect(w, a, n));
            warmUp(a, w, sink, a.longValue("warmup-alerts", 500), 0, tenants);
            w.ask("begin " + scenario, "begun", 30_000);
            long confirmed0 = sink.confirmed();
            long failed0 = sink.failed();
            long baseline = countRows(db);
            CpuMark c0 = CpuMark.of(target, w);
            long t0 = System.nanoTime();
            long t0Micros = Receipts.nowMicros();
            AtomicLong sent = new AtomicLong();
            AtomicReference<Map<String, Object>> published = new AtomicReference<>();
            Thread publisher = publisherThread(sink, scenario, count, 0, tenants, a.str("tenant-prefix", "bench-t"),
                    maxSeconds * 1000, sent, published);
            publisher.start();

            List<Map<String, Object>> timeline = new ArrayList<>();
            long storedAt = -1;
            long seenAt = -1;
            long confirmedAt = -1;
            long lastChange = System.nanoTime();
            long lastStored = -1;
            long lastUnique = -1;
            long expected = -1;
            long stored = 0;
            long unique = 0;
            while (true) {
                Thread.sleep(500);
                long now = System.nanoTime();
                stored = countRows(db) - baseline;
                List<JsonNode> s = w.ask("stats " + sent.get(), "stats", 60_000);
                unique = Workers.sum(s, "unique");
                expected = Workers.sum(s, "expected");
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("t_s", round1((now - t0) / 1e9));
                point.put("published", sent.get());
                point.put("confirmed", sink.confirmed() - confirmed0);
                point.put("stored", stored);
                point.put("received", unique);
                timeline.add(point);
                if (stored != lastStored || unique != lastUnique) {
                    lastChange = now;
                    lastStored = stored;
                    lastUnique = unique;
                }
                boolean allSent = published.get() != null;
                if (confirmedAt < 0 && allSent && sink.confirmed() - confirmed0 >= sent.get()) {
                    confirmedAt = now;
                }
                if (storedAt < 0 && allSent && stored >= count) {
                    storedAt = now;
                }
                if (seenAt < 0 && allSent && unique >= expected) {
                    seenAt = now;
                }
                if (storedAt >= 0 && seenAt >= 0) {
                    break;
                }
                if (now - lastChange > stallSeconds * 1_000_000_000L && allSent) {
                    r.put("stopped", "no progress for " + stallSeconds + " s");
                    break;
                }
                if (now - t0 > maxSeconds * 1_000_000_000L) {
                    r.put("stopped", "time limit of " + maxSeconds + " s");
                    break;
                }
            }
            publisher.interrupt();
            publisher.join(10_000);
            sink.drain(30_000);
            CpuMark c1 = CpuMark.of(target, w);
            Map<String, Object> pub = published.get() == null ? new LinkedHashMap<>() : published.get();
            pub.put("confirmed", sink.confirmed() - confirmed0);
            pub.put("failed", sink.failed() - failed0);
            if (confirmedAt > 0) {
                pub.put("seconds_until_all_confirmed", round1((confirmedAt - t0) / 1e9));
                pub.put("confirmed_per_s", round1((sink.confirmed() - confirmed0) / ((confirmedAt - t0) / 1e9)));
                pub.put("confirmed_resolution_s", 0.5);
            }
            r.put("publish", pub);
            List<JsonNode> reports = w.ask("report " + sent.get(), "report", 120_000);
            Map<String, Object> d = deliveries(reports, t0Micros);
            r.put("deliveries", d);
            r.put("latency_us", latency(merge(reports, "latency")));
            r.put("publish_to_stored_us", latency(merge(reports, "to_stored")));
            r.put("stored_to_receipt_us", latency(merge(reports, "from_stored")));
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("stored", stored);
            st.put("seconds_until_all_stored", storedAt < 0 ? null : round1((storedAt - t0) / 1e9));
            st.put("stored_per_s", storedAt < 0 ? null : round1(count / ((storedAt - t0) / 1e9)));
            st.put("resolution_s", 0.5);
            long lastStoredAt = Workers.max(reports, "last_stored_us");
            if (lastStoredAt > t0Micros) {
                // the server's own stored_at of the last alert, read from the streams (exact)
                st.put("seconds_until_last_stored_at", round2((lastStoredAt - t0Micros) / 1e6));
                st.put("stored_per_s_by_stored_at", round1(count / ((lastStoredAt - t0Micros) / 1e6)));
            }
            r.put("store", st);
            long last = ((Number) d.get("last_receipt_us")).longValue();
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("received", unique);
            seen.put("expected", expected);
            seen.put("seconds_until_last_seen", last > 0 ? round1((last - t0Micros) / 1e6) : null);
            r.put("streams", seen);
            r.put("timeline", timeline);
            r.put("cpu", cpu(c0, c1, unique));
            r.put("summary", String.format(Locale.ROOT,
                    "ingest %s: %d alerts published in %s s (%s/s; all confirmed after %s s); stored %d at %s/s "
                            + "(all after %s s); last seen on a stream after %s s; lost %d dup %d",
                    target.kind, count, pub.get("seconds"), pub.get("per_second"),
                    pub.get("seconds_until_all_confirmed"), stored,
                    st.getOrDefault("stored_per_s_by_stored_at", st.get("stored_per_s")),
                    st.get("seconds_until_all_stored"), seen.get("seconds_until_last_seen"),
                    ((Number) d.get("lost")).longValue(), ((Number) d.get("duplicated")).longValue()));
        }
        return r;
    }

    private static long countRows(Connection db) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from alerts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- shared machinery

    private record Run(Map<String, Object> publish, List<Map<String, Object>> timeline,
                       Map<String, Object> deliveries, Map<String, Object> latency, Map<String, Object> toStored,
                       Map<String, Object> fromStored, Map<String, Object> cpu) {
    }

    private static Run publishAndCollect(Args a, Target target, Workers w, AlertSink sink, long scenario, long count,
                                         double rate, int tenants, long durationMillis)
            throws Exception {
        long drainMax = a.longValue("drain-max-s", 60);
        long drainIdle = a.longValue("drain-idle-s", 20);
        warmUp(a, w, sink, Math.round(rate * a.decimal("warmup-s", 5)), rate, tenants);
        // What the server burns with the streams open and nothing published (heartbeats, polling).
        CpuMark q0 = CpuMark.of(target, w);
        Thread.sleep(a.longValue("baseline-s", 5) * 1000);
        CpuMark q1 = CpuMark.of(target, w);
        double baselineServer = (q1.server - q0.server) / ((q1.nanos - q0.nanos) / 1e9);
        w.ask("begin " + scenario, "begun", 30_000);
        long confirmed0 = sink.confirmed();
        long failed0 = sink.failed();
        CpuMark c0 = CpuMark.of(target, w);
        long t0 = System.nanoTime();
        long t0Micros = Receipts.nowMicros();
        AtomicLong sent = new AtomicLong();
        AtomicReference<Map<String, Object>> published = new AtomicReference<>();
        Thread publisher = publisherThread(sink, scenario, count, rate, tenants, a.str("tenant-prefix", "bench-t"),
                durationMillis * 2 + 30_000, sent, published);
        publisher.start();
        List<Map<String, Object>> timeline = new ArrayList<>();
        CpuMark prev = c0;
        long prevUnique = 0;
        long lastProgress = System.nanoTime();
        long drainStart = -1;
        while (true) {
            Thread.sleep(1000);
            List<JsonNode> s = w.ask("stats " + sent.get(), "stats", 60_000);
            long unique = Workers.sum(s, "unique");
            long expected = Workers.sum(s, "expected");
            CpuMark now = CpuMark.of(target, w);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("t_s", round1((now.nanos - t0) / 1e9));
            point.put("published", sent.get());
            point.put("received", unique);
            point.put("deliveries_per_s", round1((unique - prevUnique) / ((now.nanos - prev.nanos) / 1e9)));
            point.put("open", Workers.sum(s, "open"));
            point.put("server_cpu_pct", round1((now.server - prev.server) / ((now.nanos - prev.nanos) / 1e9) * 100));
            point.put("client_cpu_pct", round1((now.client - prev.client) / ((now.nanos - prev.nanos) / 1e9) * 100));
            timeline.add(point);
            if (unique != prevUnique) {
                lastProgress = now.nanos;
            }
            prev = now;
            prevUnique = unique;
            if (published.get() == null) {
                continue; // still publishing
            }
            if (drainStart < 0) {
                drainStart = now.nanos;
            }
            if (unique >= expected) {
                break;
            }
            if (now.nanos - lastProgress > drainIdle * 1_000_000_000L
                    || now.nanos - drainStart > drainMax * 1_000_000_000L) {
                break;
            }
        }
        publisher.join(10_000);
        sink.drain(30_000);
        CpuMark c1 = CpuMark.of(target, w);
        Map<String, Object> pub = published.get();
        pub.put("confirmed", sink.confirmed() - confirmed0);
        pub.put("failed", sink.failed() - failed0);
        List<JsonNode> reports = w.ask("report " + sent.get(), "report", 120_000);
        Map<String, Object> d = deliveries(reports, t0Micros);
        Histogram toStored = merge(reports, "to_stored");
        Histogram fromStored = merge(reports, "from_stored");
        long unique = ((Number) d.get("received_unique")).longValue();
        Map<String, Object> cpu = cpu(c0, c1, unique);
        cpu.put("server_pct_of_one_core_before_publishing", round1(baselineServer * 100));
        if (unique > 0) {
            double net = (c1.server - c0.server) - baselineServer * (c1.nanos - c0.nanos) / 1e9;
            cpu.put("server_us_per_delivery_above_baseline", round1(Math.max(0, net) * 1e6 / unique));
        }
        return new Run(pub, timeline, d, latency(merge(reports, "latency")),
                toStored.getTotalCount() > 0 ? latency(toStored) : null,
                fromStored.getTotalCount() > 0 ? latency(fromStored) : null, cpu);
    }

    /**
     * Sends {@code count} alerts of a throw-away scenario through the same path first, so that
     * class loading and JIT compilation (in the server, the publisher and the client) are not
     * measured; their deliveries count as foreign once the measured scenario begins.
     */
    private static void warmUp(Args a, Workers w, AlertSink sink, long count, double rate, int tenants)
            throws Exception {
        if (count <= 0) {
            return;
        }
        long warm = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        w.ask("begin " + warm, "begun", 30_000);
        AtomicLong sent = new AtomicLong();
        AtomicReference<Map<String, Object>> done = new AtomicReference<>();
        Thread t = publisherThread(sink, warm, count, rate, tenants, a.str("tenant-prefix", "bench-t"),
                120_000, sent, done);
        t.start();
        t.join(130_000);
        sink.drain(30_000);
        // let the deliveries of the warm-up arrive (at most the settle time)
        long deadline = System.nanoTime() + a.longValue("warmup-settle-s", 20) * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            List<JsonNode> s = w.ask("stats " + sent.get(), "stats", 60_000);
            if (Workers.sum(s, "unique") >= Workers.sum(s, "expected")) {
                break;
            }
        }
    }

    /**
     * Publishes alerts 0..count-1 at {@code rate} per second (0: as fast as the sink takes them),
     * stamping each with the time it is handed over.
     */
    private static Thread publisherThread(AlertSink sink, long scenario, long count, double rate, int tenants,
                                          String prefix, long maxMillis, AtomicLong sent,
                                          AtomicReference<Map<String, Object>> done) {
        Thread t = new Thread(() -> {
            Map<String, Object> p = new LinkedHashMap<>();
            long start = System.nanoTime();
            long deadline = start + maxMillis * 1_000_000L;
            long maxLag = 0;
            String error = null;
            long k = 0;
            try {
                for (; k < count; k++) {
                    if (rate > 0) {
                        long due = start + (long) (k * 1e9 / rate);
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        maxLag = Math.max(maxLag, System.nanoTime() - due);
                    }
                    if (!sink.awaitCapacity(Math.max(1, (deadline - System.nanoTime()) / 1_000_000))) {
                        error = "no publish capacity before the time limit";
                        break;
                    }
                    String tenant = Bench.tenant(prefix, (int) (k % tenants));
                    sink.send(k, tenant, Alerts.body(scenario, k, tenant, Receipts.nowMicros()));
                    sent.incrementAndGet();
                    if (Thread.interrupted()) {
                        error = "interrupted";
                        break;
                    }
                }
            } catch (InterruptedException e) {
                error = "interrupted";
            } catch (Exception e) {
                error = e.toString();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            p.put("sent", sent.get());
            p.put("seconds", round1(seconds));
            p.put("per_second", round1(sent.get() / Math.max(seconds, 1e-9)));
            p.put("max_lag_behind_schedule_ms", rate > 0 ? round1(maxLag / 1e6) : null);
            if (error != null) {
                p.put("error", error);
            }
            done.set(p);
        }, "publisher");
        t.setDaemon(true);
        return t;
    }

    private static Map<String, Object> deliveries(List<JsonNode> reports, long t0Micros) {
        Map<String, Object> d = new LinkedHashMap<>();
        long unique = Workers.sum(reports, "unique");
        long first = Long.MAX_VALUE;
        for (JsonNode n : reports) {
            long f = n.path("first_receipt_us").asLong(0);
            if (f > 0) {
                first = Math.min(first, f);
            }
        }
        long last = Workers.max(reports, "last_receipt_us");
        d.put("expected", Workers.sum(reports, "expected"));
        d.put("received_unique", unique);
        d.put("lost", Workers.sum(reports, "lost"));
        d.put("duplicated", Workers.sum(reports, "duplicates"));
        d.put("foreign", Workers.sum(reports, "foreign"));
        d.put("wrong_tenant", Workers.sum(reports, "wrong_tenant"));
        d.put("streams_closed_during_run", Workers.sum(reports, "closed_after_established"));
        d.put("token_expired", Workers.sum(reports, "token_expired"));
        d.put("heartbeats_received", Workers.sum(reports, "heartbeats"));
        d.put("first_receipt_us", first == Long.MAX_VALUE ? 0 : first);
        d.put("last_receipt_us", last);
        double window = last > t0Micros ? (last - t0Micros) / 1e6 : 0;
        d.put("window_s", round1(window));
        d.put("per_second", window > 0 ? round1(unique / window) : 0.0);
        d.put("per_second_note", "unique deliveries / (last receipt - first publish)");
        return d;
    }

    static Histogram merge(List<JsonNode> reports, String field) throws Exception {
        Histogram h = new Histogram(Receipts.MAX_MICROS, 3);
        for (JsonNode n : reports) {
            String b64 = n.path(field).asText("");
            if (!b64.isEmpty()) {
                h.add(Worker.decode(b64));
            }
        }
        return h;
    }

    static Map<String, Object> latency(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) {
            return m;
        }
        m.put("p50_us", h.getValueAtPercentile(50));
        m.put("p90_us", h.getValueAtPercentile(90));
        m.put("p99_us", h.getValueAtPercentile(99));
        m.put("p999_us", h.getValueAtPercentile(99.9));
        m.put("max_us", h.getMaxValue());
        m.put("mean_us", Math.round(h.getMean()));
        return m;
    }

    private static Map<String, Object> connect(Workers w, Args a, int n) throws Exception {
        long t0 = System.nanoTime();
        List<JsonNode> c = w.ask("connect", "connected", a.longValue("connect-max-ms", 300_000) + 60_000);
        double wall = (System.nanoTime() - t0) / 1e9;
        long established = Workers.sum(c, "established");
        double seconds = Workers.max(c, "millis_until_all_established") / 1000.0;
        double middle = 0;
        for (JsonNode n1 : c) {
            middle += n1.path("middle_rate_per_s").asDouble(0); // the worker processes connect side by side
        }
        Map<String, Long> failures = new TreeMap<>();
        for (JsonNode n1 : c) {
            n1.path("failures").fields().forEachRemaining(e -> failures.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requested", n);
        m.put("established", established);
        m.put("failed", n - established);
        m.put("failures", failures);
        m.put("seconds", round1(seconds));
        m.put("per_second", seconds > 0 ? round1(established / seconds) : 0.0);
        m.put("per_second_middle_half", round1(middle));
        m.put("per_second_note", "per_second: all established / time until the last one; middle half: between "
                + "the 25th and 75th percentile of establishment times (without the cold start and the tail)");
        m.put("wall_seconds_incl_process_start", round1(wall));
        m.put("transport", c.get(0).path("transport").asText());
        return m;
    }

    private static Workers workers(Args a, Target target, int n, int tenants, boolean storedAt) throws Exception {
        String prefix = a.str("tenant-prefix", "bench-t");
        List<String> common = new ArrayList<>(List.of(
                "--mode", target.kind, "--host", target.host, "--port", Integer.toString(target.port),
                "--tenants", Integer.toString(tenants), "--tenant-prefix", prefix,
                "--sources", a.str("sources", "4"), "--threads", a.str("client-threads", "2"),
                "--connect-concurrency", a.str("connect-concurrency", "200"),
                "--connect-timeout-ms", a.str("connect-timeout-ms", "30000"),
                "--connect-max-ms", a.str("connect-max-ms", "300000"),
                "--max-seconds", a.str("worker-max-s", "3600")));
        if (target.liberty()) {
            Path tokens = Files.createTempFile("bench-tokens", ".tsv");
            tokens.toFile().deleteOnExit();
            PrivateKey key = Jwt.readPrivate(Path.of(a.required("keys")));
            String issuer = a.str("issuer", "https://bench.local");
            long now = Instant.now().getEpochSecond();
            long ttl = a.longValue("token-ttl-s", 6 * 3600);
            StringBuilder sb = new StringBuilder();
            for (int t = 0; t < tenants; t++) {
                String tenant = Bench.tenant(prefix, t);
                sb.append(t).append('\t').append(tenant).append('\t')
                        .append(Jwt.token(key, issuer, "bench-user-" + t, List.of(tenant), List.of("bench"), now, ttl))
                        .append('\n');
            }
            Files.writeString(tokens, sb);
            common.addAll(List.of("--tokens", tokens.toString()));
            if (storedAt) {
                common.add("--stored-at");
            }
        }
        return new Workers(n, a.integer("per-worker", 15_000), a.str("worker-heap", "512m"), common);
    }

    private static AlertSink sink(Args a, Target target) throws Exception {
        if (target.liberty()) {
            return new AmqpPublisher(a.str("amqp-host", "127.0.0.1"), a.integer("amqp-port", 5672),
                    a.str("amqp-vhost", "bench"), a.str("amqp-user", "guest"), a.str("amqp-password", "guest"),
                    a.str("exchange", "alerts.exchange"), a.integer("window", 1000));
        }
        return new NchanPublisher(target.host, target.port, a.integer("publish-connections", 16));
    }

    // ---------------------------------------------------------------- CPU

    record CpuMark(double server, double client, double serverSys, double clientSys, double workers, long[] machine,
                   long nanos) {
        static CpuMark of(Target target, Workers w) {
            List<Long> workers = w == null ? List.of() : w.pids();
            List<Long> client = new ArrayList<>(workers);
            client.add(ProcessHandle.current().pid());
            List<Long> server = target.pids();
            return new CpuMark(Probe.cpuSeconds(server), Probe.cpuSeconds(client), Probe.sysSeconds(server),
                    Probe.sysSeconds(client), Probe.cpuSeconds(workers), Probe.machineJiffies(), System.nanoTime());
        }
    }

    static Map<String, Object> cpu(CpuMark a, CpuMark b, long deliveries) {
        double seconds = (b.nanos - a.nanos) / 1e9;
        double server = b.server - a.server;
        double client = b.client - a.client;
        long busy = b.machine[0] - a.machine[0];
        long total = b.machine[1] - a.machine[1];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", round1(seconds));
        m.put("server_cpu_s", round2(server));
        m.put("client_cpu_s", round2(client));
        m.put("client_subscribers_cpu_s", round2(b.workers - a.workers));
        m.put("client_publisher_cpu_s", round2(client - (b.workers - a.workers)));
        m.put("server_sys_share", server > 0 ? round2((b.serverSys - a.serverSys) / server) : null);
        m.put("client_sys_share", client > 0 ? round2((b.clientSys - a.clientSys) / client) : null);
        m.put("server_pct_of_one_core", round1(server / seconds * 100));
        m.put("client_pct_of_one_core", round1(client / seconds * 100));
        m.put("machine_busy_pct_all_cores", total > 0 ? round1(busy * 100.0 / total) : null);
        if (deliveries > 0) {
            m.put("server_us_per_delivery", round1(server * 1e6 / deliveries));
            m.put("client_us_per_delivery", round1(client * 1e6 / deliveries));
            m.put("client_subscribers_us_per_delivery", round1((b.workers - a.workers) * 1e6 / deliveries));
        }
        m.put("note", "server: the Liberty JVM, or nginx master+workers; client: the bench coordinator (publisher, "
                + "probes) and its worker processes (the subscribers); the machine figure also counts RabbitMQ, "
                + "PostgreSQL, Redis and anything else running");
        return m;
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, Object> header(String scenario, Target target, Args a) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scenario", scenario);
        r.put("target", target.kind);
        r.put("started_at", Instant.now().toString());
        r.put("endpoint", target.host + ":" + target.port);
        r.put("server_pid", target.pid);
        r.put("params", new LinkedHashMap<String, Object>());
        r.put("loadavg_before", Probe.loadavg());
        if (target.liberty() && target.pid > 0) {
            r.put("server_jvm_flags", Probe.jcmd(target.pid, "VM.flags"));
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> params(Map<String, Object> r) {
        return (Map<String, Object>) r.get("params");
    }

    /** Resident memory of the client's worker processes, summed, in kB. */
    private static long clientRss(Workers w) {
        long kb = 0;
        for (long pid : w.pids()) {
            kb += Math.max(0, Probe.statusKb(pid, "VmRSS"));
        }
        return kb;
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String key) {
        Object b = before.get(key);
        Object c = after.get(key);
        if (!(b instanceof Number) || !(c instanceof Number)) {
            return 0;
        }
        return ((Number) c).longValue() - ((Number) b).longValue();
    }

    private static String perText(Map<String, Object> per) {
        StringBuilder sb = new StringBuilder();
        per.forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k.replace("_kib", "")).append(' ')
                .append(v).append(" KiB"));
        return sb.length() == 0 ? "n/a" : sb.toString();
    }

    static String ms(Map<String, Object> latency, String key) {
        Object v = latency.get(key);
        return v instanceof Number n ? String.format(Locale.ROOT, "%.1f", n.doubleValue() / 1000.0) : "n/a";
    }

    private static Object ratioOf(JsonNode app, JsonNode nchan) {
        if (!app.isNumber() || !nchan.isNumber() || nchan.asDouble() == 0) {
            return null;
        }
        return round2(app.asDouble() / nchan.asDouble());
    }

    static double round1(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : 0;
    }

    static double round2(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : 0;
    }
}
