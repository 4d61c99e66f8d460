package com.bakeryia.bench;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the streams of one process received during the current scenario: each alert is counted
 * once per stream by its bench index (a bit per alert of the stream's tenant), so a second copy
 * is a duplicate and a missing bit at the end is a loss; publish-to-receipt latency goes into a
 * histogram in microseconds. Called from the event-loop threads; read by the command thread.
 */
final class Receipts {

    /** An hour, in microseconds: anything slower is recorded as an hour. */
    static final long MAX_MICROS = 3_600_000_000L;

    private final int tenants;
    private volatile long scenario = Long.MIN_VALUE;

    final LongAdder unique = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    /** Alerts of another scenario (late ones of an earlier run, another bench). */
    final LongAdder foreign = new LongAdder();
    /** Alerts whose tenant is not the stream's: a breach of tenant isolation. */
    final LongAdder wrongTenant = new LongAdder();
    final AtomicLong firstMicros = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastMicros = new AtomicLong(0);
    /** The latest server-side {@code stored_at} seen (first stream of each tenant only). */
    final AtomicLong lastStoredMicros = new AtomicLong(0);

    private final Recorder latency = new Recorder(MAX_MICROS, 3);
    private final Recorder toStored = new Recorder(MAX_MICROS, 3);
    private final Recorder fromStored = new Recorder(MAX_MICROS, 3);

    Receipts(int tenants) {
        this.tenants = tenants;
    }

    long scenario() {
        return scenario;
    }

    /** Starts counting for a new scenario; everything before is forgotten. */
    void begin(long newScenario) {
        scenario = newScenario;
        unique.reset();
        duplicates.reset();
        foreign.reset();
        wrongTenant.reset();
        firstMicros.set(Long.MAX_VALUE);
        lastMicros.set(0);
        lastStoredMicros.set(0);
        latency.getIntervalHistogram();
        toStored.getIntervalHistogram();
        fromStored.getIntervalHistogram();
    }

    void onAlert(SseFleet.Conn conn, long s, long k, long pubMicros, long storedMicros) {
        long now = nowMicros();
        if (s != scenario) {
            foreign.increment();
            return;
        }
        if (k % tenants != conn.tenant) {
            wrongTenant.increment();
            return;
        }
        if (!conn.mark(s, (int) (k / tenants))) {
            duplicates.increment();
            return;
        }
        unique.increment();
        latency.recordValue(clamp(now - pubMicros));
        if (storedMicros > 0 && conn.primary) {
            toStored.recordValue(clamp(storedMicros - pubMicros));
            fromStored.recordValue(clamp(now - storedMicros));
            lastStoredMicros.accumulateAndGet(storedMicros, Math::max);
        }
        firstMicros.accumulateAndGet(now, Math::min);
        lastMicros.accumulateAndGet(now, Math::max);
    }

    Histogram latency() {
        return latency.getIntervalHistogram();
    }

    Histogram toStored() {
        return toStored.getIntervalHistogram();
    }

    Histogram fromStored() {
        return fromStored.getIntervalHistogram();
    }

    /** How many of alerts 0..published-1 belong to the tenant (alert k goes to tenant k mod T). */
    static long expectedFor(int tenant, int tenants, long published) {
        return published / tenants + (tenant < published % tenants ? 1 : 0);
    }

    private static long clamp(long micros) {
        return micros < 0 ? 0 : Math.min(micros, MAX_MICROS);
    }

    static long nowMicros() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
