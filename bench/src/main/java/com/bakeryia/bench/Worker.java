package com.bakeryia.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A process that holds a slice of the streams ({@code Bench worker ...}), driven by its
 * coordinator over standard input, one command a line, each answered with one line on standard
 * output (logs go to standard error):
 * <pre>
 * connect            -> connected {json}
 * begin S            -> begun S           (count alerts of scenario S from now on)
 * stats PUBLISHED    -> stats {json}
 * report PUBLISHED   -> report {json}     (with the latency histograms, base64)
 * close              -> closed            (and the process exits)
 * </pre>
 * The process also ends by itself at end of input or after {@code --max-seconds}.
 */
final class Worker {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Marks protocol lines, so that anything else the JVM prints on standard output is not taken for one. */
    static final String PREFIX = "BENCH ";

    private Worker() {
    }

    static void main(Args a) throws Exception {
        PrintStream raw = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        Protocol out = line -> raw.println(PREFIX + line);
        System.setOut(System.err); // nothing but protocol lines on the real stdout
        long maxSeconds = a.longValue("max-seconds", 3600);
        var watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.schedule(() -> {
            System.err.println("worker: --max-seconds reached, exiting");
            Runtime.getRuntime().halt(3);
        }, maxSeconds, TimeUnit.SECONDS);

        String mode = a.str("mode", "liberty");
        int tenants = a.integer("tenants", 100);
        String prefix = a.str("tenant-prefix", "bench-t");
        Map<Integer, String> tokens = mode.equals("liberty") ? readTokens(Path.of(a.required("tokens"))) : Map.of();
        int from = a.integer("from", 0);
        int count = a.integer("count", 1);
        SseFleet fleet = new SseFleet(a.str("host", "127.0.0.1"), a.integer("port", 29080), from, count, tenants,
                a.integer("sources", 4), a.integer("threads", 2), a.integer("connect-timeout-ms", 30000),
                i -> {
                    String tenant = Bench.tenant(prefix, i % tenants);
                    return mode.equals("liberty")
                            ? "/api/events?token=" + tokens.get(i % tenants) + "&tenant=" + tenant
                            : "/sub/" + tenant;
                });
        if (a.flag("stored-at")) {
            fleet.wantStoredAt();
        }
        int concurrency = a.integer("connect-concurrency", 200);
        long connectMax = a.longValue("connect-max-ms", 300_000);

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String[] cmd = line.strip().split("\\s+");
                switch (cmd[0]) {
                    case "connect" -> {
                        long ms = fleet.connectAll(concurrency, connectMax);
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("requested", count);
                        r.put("established", fleet.established());
                        r.put("millis", ms);
                        r.put("middle_rate_per_s", fleet.middleConnectRate());
                        r.put("millis_until_all_established", fleet.millisUntil(1.0));
                        r.put("failures", fleet.failureCounts());
                        r.put("transport", fleet.transport);
                        out.println("connected " + JSON.writeValueAsString(r));
                    }
                    case "begin" -> {
                        fleet.receipts.begin(Long.parseLong(cmd[1]));
                        out.println("begun " + cmd[1]);
                    }
                    case "stats" -> out.println("stats " + JSON.writeValueAsString(
                            stats(fleet, Long.parseLong(cmd[1]), false)));
                    case "report" -> out.println("report " + JSON.writeValueAsString(
                            stats(fleet, Long.parseLong(cmd[1]), true)));
                    case "close" -> {
                        fleet.close();
                        out.println("closed");
                        return;
                    }
                    default -> out.println("error unknown command " + cmd[0]);
                }
            }
        } finally {
            fleet.close();
        }
    }

    private static Map<String, Object> stats(SseFleet fleet, long published, boolean full) {
        Receipts r = fleet.receipts;
        long s = r.scenario();
        long expected = 0;
        long lost = 0;
        long established = 0;
        for (SseFleet.Conn c : fleet.conns) {
            if (!c.everEstablished) {
                continue;
            }
            established++;
            long want = Receipts.expectedFor(c.tenant, fleet.tenants, published);
            expected += want;
            if (full) {
                lost += Math.max(0, want - c.received(s));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("open", fleet.open.get());
        m.put("unique", r.unique.sum());
        m.put("expected", expected);
        m.put("duplicates", r.duplicates.sum());
        m.put("heartbeats", fleet.heartbeats.sum());
        m.put("last_receipt_us", r.lastMicros.get());
        if (!full) {
            return m;
        }
        m.put("established", established);
        m.put("lost", lost);
        m.put("foreign", r.foreign.sum());
        m.put("wrong_tenant", r.wrongTenant.sum());
        m.put("token_expired", fleet.tokenExpired.sum());
        m.put("closed_after_established", fleet.closedAfterEstablished.sum());
        m.put("last_stored_us", r.lastStoredMicros.get());
        m.put("first_receipt_us", r.firstMicros.get() == Long.MAX_VALUE ? 0 : r.firstMicros.get());
        m.put("latency", encode(r.latency()));
        m.put("to_stored", encode(r.toStored()));
        m.put("from_stored", encode(r.fromStored()));
        return m;
    }

    private interface Protocol {
        void println(String line);
    }

    static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n));
    }

    static Histogram decode(String b64) throws java.util.zip.DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(b64)), 0);
    }

    static Map<Integer, String> readTokens(Path file) throws java.io.IOException {
        Map<Integer, String> tokens = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String l : lines) {
            if (l.isBlank()) {
                continue;
            }
            String[] parts = l.split("\t");
            tokens.put(Integer.parseInt(parts[0]), parts[2]);
        }
        return tokens;
    }
}
