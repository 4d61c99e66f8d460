package com.bakeryia.alerts.streams.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.store.entity.Severity;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class StreamConnectionTest {

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
            return stored.stream().filter(p -> p > after && p <= upTo).limit(limit).map(StreamConnectionTest::alert).toList();
        }

        @Override
        public List<PublishedAlert> latest(Set<String> tenants, StreamFilter filter, long upTo, int limit) {
            List<Long> upToHead = stored.stream().filter(p -> p <= upTo).toList();
            return upToHead.subList(Math.max(0, upToHead.size() - limit), upToHead.size()).stream()
                    .map(StreamConnectionTest::alert).toList();
        }
    }

    static PublishedAlert alert(long position) {
        return new PublishedAlert(position + 1000, position, "a" + position, "t1", "inventory", "low_stock", Severity.HIGH,
                "inventory_alert", "{}");
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
        StreamConnection stream = new StreamConnection(client,
                new StreamConnection.Wiring(EVENTS, executor, replay, settings, s -> closedCount.incrementAndGet(),
                        cuts::incrementAndGet),
                "alice", Set.of("t1"), StreamFilter.NONE, SSE.newEventBuilder().name("connection").build(), cursor);
        stream.start();
        return stream;
    }

    static void deliver(StreamConnection stream, long... positions) {
        LongFunction<OutboundSseEvent> event = p -> EVENTS.alert(alert(p));
        for (long p : positions) {
            stream.send(event.apply(p));
        }
    }

    @Test
    void theGreetingComesFirstThenLiveAlertsInOrder() {
        StreamConnection stream = open(null);
        deliver(stream, 1, 2);
        executor.runAll();
        assertEquals(List.of("connection", "inventory_alert#1", "inventory_alert#2"), client.written);
        deliver(stream, 3);
        executor.runAll();
        assertEquals("inventory_alert#3", client.written.get(3));
    }

    @Test
    void aBroadcastNeverWaitsForTheClient() {
        client.holdWrites = true;
        StreamConnection stream = open(null);
        executor.runAll(); // the greeting's write is now pending
        CompletionStage<?> queued = stream.send(EVENTS.alert(alert(1)));
        assertTrue(queued.toCompletableFuture().isDone(), "send only queues");
        client.pending.get(0).complete(null);
        executor.runAll();
        assertEquals(List.of("connection", "inventory_alert#1"), client.written);
    }

    @Test
    void aClientThatTakesNothingIsCutWhenItsQueueIsFull() {
        client.holdWrites = true;
        StreamConnection stream = open(null);
        executor.runAll();
        deliver(stream, 1, 2, 3);
        assertFalse(stream.isClosed(), "up to the bound, alerts wait");
        deliver(stream, 4);
        assertTrue(stream.isClosed(), "past the bound, the stream is cut");
        assertEquals(1, cuts.get());
        assertEquals(1, closedCount.get());
        executor.runAll();
        assertTrue(client.closed);
        assertTrue(stream.send(EVENTS.alert(alert(5))).toCompletableFuture().isCompletedExceptionally(),
                "a closed stream tells its broadcaster to forget it");
    }

    @Test
    void aClientThatFellBehindWithoutAPendingWriteIsToldSoBeforeTheCut() {
        StreamConnection stream = open(null);
        deliver(stream, 1, 2, 3, 4); // the writer has not run yet
        executor.runAll();
        assertEquals(List.of("connection", "slow_consumer"), client.written);
        assertTrue(stream.isClosed());
        assertEquals(1, cuts.get());
    }

    @Test
    void aWriteThatHangsPastTheTimeoutClosesTheStream() {
        client.holdWrites = true;
        StreamConnection stream = open(null);
        executor.runAll();
        assertFalse(stream.closeIfStalled(System.nanoTime()));
        assertTrue(stream.closeIfStalled(System.nanoTime() + 6_000_000_000L));
        assertTrue(stream.isClosed());
    }

    @Test
    void resumingReplaysWhatWasMissedThenOnlyNewerLiveAlerts() {
        replay.stored.addAll(List.of(5L, 7L, 9L, 10L));
        replay.planHead = 10;
        replay.head = 10;
        StreamConnection stream = open("5");
        deliver(stream, 9, 10, 11); // live alerts that arrived while the replay ran: 9 and 10 are replayed anyway
        executor.runAll();
        assertEquals(List.of("connection", "inventory_alert#7", "inventory_alert#9", "inventory_alert#10",
                "inventory_alert#11"), client.written);
    }

    @Test
    void liveAlertsThatOverflowDuringTheReplayAreReadFromTheDatabase() {
        replay.stored.addAll(List.of(7L, 9L, 11L, 12L, 13L, 14L));
        replay.planHead = 10;        // the replay is planned up to 10 ...
        replay.head = 14;            // ... while 11 to 14 are stored and published
        StreamConnection stream = open("5");
        deliver(stream, 11, 12, 13); // the queue is full
        deliver(stream, 14);         // dropped: it is stored, a second pass reads it
        executor.runAll();
        assertFalse(stream.isClosed(), "overflowing during a replay is not a slow consumer");
        assertEquals(List.of("connection", "inventory_alert#7", "inventory_alert#9", "inventory_alert#11",
                "inventory_alert#12", "inventory_alert#13", "inventory_alert#14"), client.written);
    }

    @Test
    void anUnknownCursorGetsResyncAndTheRecentWindow() {
        replay.stored.addAll(List.of(1L, 2L, 3L));
        replay.planHead = 3;
        replay.head = 3;
        open("99");
        executor.runAll();
        assertEquals(List.of("connection", "resync", "inventory_alert#2", "inventory_alert#3"), client.written);
    }

    @Test
    void aLastEventIsWrittenThenTheStreamCloses() {
        StreamConnection stream = open(null);
        deliver(stream, 1);
        stream.end(EVENTS.tokenExpired(Instant.now()));
        deliver(stream, 2);
        executor.runAll();
        assertEquals(List.of("connection", "token_expired"), client.written);
        assertTrue(stream.isClosed());
        assertEquals(0, cuts.get());
    }

    @Test
    void aLastEventDuringTheReplayStopsTheReplay() {
        replay.stored.addAll(List.of(6L, 7L, 8L, 9L));
        replay.planHead = 9;
        replay.head = 9;
        StreamConnection stream = open("5");
        stream.end(EVENTS.tenantsChanged()); // before the replay got written
        executor.runAll();
        assertEquals(List.of("connection", "tenants_changed"), client.written,
                "nothing of tenants the stream may have lost is replayed after the end");
        assertTrue(stream.isClosed());
    }
}
