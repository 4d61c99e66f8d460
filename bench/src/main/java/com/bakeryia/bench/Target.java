package com.bakeryia.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server under test: the application on Liberty (one JVM, /metrics) or nginx with Nchan (a
 * master and its workers). Knows how to read its memory and CPU.
 */
final class Target {

    final String kind;
    final String host;
    final int port;
    final long pid;
    final String metricsUrl;

    Target(String kind, String host, int port, long pid, String metricsUrl) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.pid = pid;
        this.metricsUrl = metricsUrl;
    }

    static Target from(Args a) {
        String kind = a.str("target", "liberty");
        if (!kind.equals("liberty") && !kind.equals("nchan")) {
            throw new IllegalArgumentException("--target is liberty or nchan");
        }
        String host = a.str("host", "127.0.0.1");
        int port = a.integer("port", kind.equals("liberty") ? 29080 : 29090);
        long pid = a.longValue("pid", -1);
        return new Target(kind, host, port, pid,
                a.str("metrics-url", "http://" + host + ":" + port + "/metrics"));
    }

    boolean liberty() {
        return kind.equals("liberty");
    }

    List<Long> pids() {
        if (pid <= 0) {
            return List.of();
        }
        return liberty() ? List.of(pid) : Probe.withChildren(pid);
    }

    double cpuSeconds() {
        return Probe.cpuSeconds(pids());
    }

    /** Open streams as the application counts them (sse_streams_open), or -1. */
    long streamsOpen() {
        if (!liberty()) {
            return -1;
        }
        Double v = Probe.metrics(metricsUrl).get("sse_streams_open");
        return v == null ? -1 : v.longValue();
    }

    /**
     * Memory now. Liberty: VmRSS of the JVM and used heap from /metrics (after a full GC through
     * jcmd when {@code gc}). Nchan: VmRSS and PSS summed over master and workers (PSS splits
     * Nchan's shared memory zone among the processes that touch it, so the sum is not inflated).
     */
    Map<String, Object> memory(boolean gc) throws InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        if (pid <= 0) {
            return m;
        }
        if (liberty()) {
            if (gc) {
                m.put("gc", Probe.gc(pid) ? "jcmd GC.run" : "failed");
                Thread.sleep(1000);
            }
            m.put("rss_kb", Probe.statusKb(pid, "VmRSS"));
            Map<String, Double> metrics = Probe.metrics(metricsUrl);
            m.put("heap_used_bytes", metrics.getOrDefault("memory_usedHeap_bytes", -1.0).longValue());
            m.put("heap_committed_bytes", metrics.getOrDefault("memory_committedHeap_bytes", -1.0).longValue());
            m.put("streams_open", metrics.getOrDefault("sse_streams_open", -1.0).longValue());
            m.put("threads", metrics.getOrDefault("thread_count", -1.0).longValue());
        } else {
            long rss = 0;
            long pss = 0;
            List<Long> all = pids();
            for (long p : all) {
                rss += Math.max(0, Probe.statusKb(p, "VmRSS"));
                pss += Math.max(0, Probe.pssKb(p));
            }
            m.put("processes", all.size());
            m.put("rss_kb", rss);
            m.put("pss_kb", pss);
        }
        return m;
    }

    /** Waits until the application holds no stream (after an earlier scenario's close). */
    long waitStreamsClosed(long maxSeconds) throws InterruptedException {
        if (!liberty()) {
            return 0;
        }
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        long open = streamsOpen();
        while (open > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            open = streamsOpen();
        }
        return open;
    }
}
