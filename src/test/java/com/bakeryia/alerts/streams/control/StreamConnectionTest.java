package com.bakeryia.alerts.streams.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class StreamConnectionTest extends StreamFixture {

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
        assertTrue(
                stream.send(EVENTS.alert(alert(5))).toCompletableFuture().isCompletedExceptionally(),
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
}
