package com.bakeryia.alerts.streams.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Resuming from a last event id: through a whole stream, and the replay on its own. */
class StreamResumeTest extends StreamFixture {

    @Test
    void resumingReplaysWhatWasMissedThenOnlyNewerLiveAlerts() {
        replay.stored.addAll(List.of(5L, 7L, 9L, 10L));
        replay.planHead = 10;
        replay.head = 10;
        StreamConnection stream = open("5");
        deliver(stream, 9, 10, 11); // live alerts that arrived while the replay ran: 9 and 10 are replayed anyway
        executor.runAll();
        assertEquals(
                List.of(
                        "connection",
                        "inventory_alert#7",
                        "inventory_alert#9",
                        "inventory_alert#10",
                        "inventory_alert#11"),
                client.written);
    }

    @Test
    void liveAlertsThatOverflowDuringTheReplayAreReadFromTheDatabase() {
        replay.stored.addAll(List.of(7L, 9L, 11L, 12L, 13L, 14L));
        replay.planHead = 10; // the replay is planned up to 10 ...
        replay.head = 14; // ... while 11 to 14 are stored and published
        StreamConnection stream = open("5");
        deliver(stream, 11, 12, 13); // the queue is full
        deliver(stream, 14); // dropped: it is stored, a second pass reads it
        executor.runAll();
        assertFalse(stream.isClosed(), "overflowing during a replay is not a slow consumer");
        assertEquals(
                List.of(
                        "connection",
                        "inventory_alert#7",
                        "inventory_alert#9",
                        "inventory_alert#11",
                        "inventory_alert#12",
                        "inventory_alert#13",
                        "inventory_alert#14"),
                client.written);
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
    void aLastEventDuringTheReplayStopsTheReplay() {
        replay.stored.addAll(List.of(6L, 7L, 8L, 9L));
        replay.planHead = 9;
        replay.head = 9;
        StreamConnection stream = open("5");
        stream.end(EVENTS.tenantsChanged()); // before the replay got written
        executor.runAll();
        assertEquals(
                List.of("connection", "tenants_changed"),
                client.written,
                "nothing of tenants the stream may have lost is replayed after the end");
        assertTrue(stream.isClosed());
    }

    @Test
    void theReplayEndsAtItsHeadAndCoversOnlyWhatItReplayed() {
        replay.stored.addAll(List.of(5L, 7L, 9L, 10L));
        replay.planHead = 10;
        replay.head = 10;
        StreamResume resume = new StreamResume("5", Set.of("t1"), StreamFilter.NONE, replay, EVENTS, 2, () -> false);
        assertEquals("inventory_alert#7", written(resume.next()));
        assertFalse(resume.covers(7), "nothing is covered before the replay is over");
        assertEquals("inventory_alert#9", written(resume.next()));
        assertEquals("inventory_alert#10", written(resume.next()));
        assertNull(resume.next());
        assertTrue(resume.covers(10));
        assertFalse(resume.covers(11));
        assertFalse(resume.covers(0), "events without a position are never covered");
    }

    @Test
    void anOverflowGoesToTheReplayOnlyWhileItRuns() {
        replay.stored.addAll(List.of(7L, 11L));
        replay.planHead = 10;
        replay.head = 11;
        StreamResume resume = new StreamResume("5", Set.of("t1"), StreamFilter.NONE, replay, EVENTS, 2, () -> false);
        assertTrue(resume.absorbOverflow(), "before the replay is over, it reads what overflowed");
        assertEquals("inventory_alert#7", written(resume.next()));
        assertEquals("inventory_alert#11", written(resume.next()), "a second pass up to the new head");
        assertNull(resume.next());
        assertFalse(resume.absorbOverflow(), "after it, an overflow is the stream's to handle");
        assertTrue(resume.covers(11));
    }

    @Test
    void aStreamWithoutACursorHasNothingToReplay() {
        StreamResume resume = new StreamResume(null, Set.of("t1"), StreamFilter.NONE, replay, EVENTS, 2, () -> false);
        assertNull(resume.next());
        assertFalse(resume.absorbOverflow());
        assertFalse(resume.covers(1));
    }

    static String written(OutboundSseEvent event) {
        return event.getName() + (event.getId() == null ? "" : "#" + event.getId());
    }
}
