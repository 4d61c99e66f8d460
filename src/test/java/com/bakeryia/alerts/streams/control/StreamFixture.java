package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import com.bakeryia.alerts.store.entity.Severity;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * One {@link StreamConnection} with everything around it faked: a client whose writes the test
 * completes, an executor that runs the writer when told, and the database side of a replay.
 */
abstract class StreamFixture {

    static final FakeSse SSE = new FakeSse();
    static final StreamEvents EVENTS = new StreamEvents();
    static final int QUEUE_MAX = 3;

    static {
        EVENTS.use(SSE);
    }

    /** A client whose writes complete at once, or stay pending until the test completes them. */
    static final class Client implements SseEventSink {
        final List<String> written = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        boolean holdWrites;
        boolean closed;

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            written.add(event.getName() + (event.getId() == null ? "" : "#" + event.getId()));
            if (holdWrites) {
                CompletableFuture<Void> write = new CompletableFuture<>();
                pending.add(write);
                return write;
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Runs tasks only when told to, so a test decides what happens before the writer runs. */
    static final class ManualExecutor implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
        }
    }

    /** The database side of a replay: alerts at the given positions, and a head that can move on. */
    static final class Replay extends StreamReplay {
        final List<Long> stored = new ArrayList<>();
        /** The head when the replay is planned, and the head read later. */
        long planHead;

        long head;

        @Override
        public Plan plan(String cursor, Set<String> tenants, StreamFilter filter) {
            long after = Long.parseLong(cursor);
            return after > planHead ? new Plan(planHead, planHead, UNKNOWN_CURSOR) : new Plan(planHead, after, null);
        }

        @Override
        public long head() {
            return head;
        }

        @Override
        public List<PublishedAlert> page(Set<String> tenants, StreamFilter filter, long after, long upTo, int limit) {
            return stored.stream()
                    .filter(p -> p > after && p <= upTo)
                    .limit(limit)
                    .map(StreamFixture::alert)
                    .toList();
        }

        @Override
        public List<PublishedAlert> latest(Set<String> tenants, StreamFilter filter, long upTo, int limit) {
            List<Long> upToHead = stored.stream().filter(p -> p <= upTo).toList();
            return upToHead.subList(Math.max(0, upToHead.size() - limit), upToHead.size()).stream()
                    .map(StreamFixture::alert)
                    .toList();
        }
    }

    static PublishedAlert alert(long position) {
        return new PublishedAlert(
                position + 1000,
                position,
                "a" + position,
                "t1",
                "inventory",
                "low_stock",
                Severity.HIGH,
                "inventory_alert",
                "{}");
    }

    final Client client = new Client();
    final ManualExecutor executor = new ManualExecutor();
    final Replay replay = new Replay();
    final AtomicInteger closedCount = new AtomicInteger();
    final AtomicInteger cuts = new AtomicInteger();

    StreamConnection open(String cursor) {
        StreamSettings settings = new StreamSettings();
        settings.sendQueueMax = QUEUE_MAX;
        settings.writeTimeoutSeconds = 5;
        settings.resumeWindow = 2;
        StreamConnection stream = new StreamConnection(
                client,
                new StreamConnection.Wiring(
                        EVENTS, executor, replay, settings, s -> closedCount.incrementAndGet(), cuts::incrementAndGet),
                "alice",
                Set.of("t1"),
                StreamFilter.NONE,
                SSE.newEventBuilder().name("connection").build(),
                cursor);
        stream.start();
        return stream;
    }

    static void deliver(StreamConnection stream, long... positions) {
        LongFunction<OutboundSseEvent> event = p -> EVENTS.alert(alert(p));
        for (long p : positions) {
            stream.send(event.apply(p));
        }
    }
}
