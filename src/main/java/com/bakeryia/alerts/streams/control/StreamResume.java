package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The replay of one resuming stream ({@code Last-Event-ID}), apart from its send queue: plans it
 * for the cursor, reads the missed alerts from the database a page at a time up to the head H it
 * read, and tells the stream which live alerts it covered. The stream is subscribed to live alerts
 * before the plan reads H, writes whatever {@link #next} gives first, then its queued live alerts
 * above {@link #covers the horizon}: nothing at or below H is sent twice.
 *
 * <p>Live alerts that overflow the stream's queue while the replay runs are dropped and read from
 * the database in one more pass up to a new head ({@link #absorbOverflow}); they are stored before
 * they are published, so nothing is lost. The replay ends under this object's lock, where
 * {@link #absorbOverflow} reads whether it still runs, so no overflow falls between the two.
 *
 * <p>Only the stream's writer (one at a time) calls {@link #next}.
 */
final class StreamResume {

    static final int REPLAY_PAGE = 500;

    private enum State {
        PLANNING,
        READING,
        DONE
    }

    private final String cursor;
    private final Set<String> tenants;
    private final StreamFilter filter;
    private final StreamReplay replay;
    private final StreamEvents events;
    private final int window;
    /** The stream is ending (a last event is queued): the replay stops, it may be of tenants just lost. */
    private final BooleanSupplier ending;

    /** Written by the writer only; DONE under this object's lock. */
    private State state;

    private final ArrayDeque<OutboundSseEvent> replayed = new ArrayDeque<>();
    private long head;
    private long covered;
    /** Guarded by this: whether the replay had to drop live alerts. */
    private boolean overflowed;
    /** Alerts at or below this position were replayed (or deliberately skipped by a resync). */
    private volatile long horizon;

    /**
     * @param cursor the client's last event id, or null: nothing to replay
     * @param window how many recent alerts follow a {@code resync}
     */
    StreamResume(
            String cursor,
            Set<String> tenants,
            StreamFilter filter,
            StreamReplay replay,
            StreamEvents events,
            int window,
            BooleanSupplier ending) {
        this.cursor = cursor;
        this.tenants = tenants;
        this.filter = filter;
        this.replay = replay;
        this.events = events;
        this.window = window;
        this.ending = ending;
        this.state = cursor != null ? State.PLANNING : State.DONE;
    }

    /** The next replayed event due, reading the database as needed; null once the replay is over or stopped. */
    OutboundSseEvent next() {
        while (state != State.DONE && !ending.getAsBoolean()) {
            OutboundSseEvent fromReplay = replayed.poll();
            if (fromReplay != null) {
                return fromReplay;
            }
            advance();
        }
        return null;
    }

    /** Whether a live alert at this position was replayed already (positions above 0 only). */
    boolean covers(long position) {
        return position > 0 && position <= horizon;
    }

    /**
     * A live alert did not fit the stream's queue: while the replay runs, it is read from the
     * database in another pass (true); after, the stream is a slow consumer (false).
     */
    synchronized boolean absorbOverflow() {
        if (state != State.DONE) {
            overflowed = true;
            return true;
        }
        return false;
    }

    /** Reads the next piece of the replay from the database into {@link #replayed}. */
    private void advance() {
        if (state == State.PLANNING) {
            StreamReplay.Plan plan = replay.plan(cursor, tenants, filter);
            head = plan.head();
            covered = plan.after();
            if (!plan.resumes()) {
                List<PublishedAlert> recent = replay.latest(tenants, filter, head, window);
                replayed.add(events.resync(plan.resyncReason(), cursor, recent.size()));
                recent.forEach(alert -> replayed.add(events.alert(alert)));
                covered = head;
            }
            state = State.READING;
            return;
        }
        if (covered < head) {
            List<PublishedAlert> page = replay.page(tenants, filter, covered, head, REPLAY_PAGE);
            page.forEach(alert -> replayed.add(events.alert(alert)));
            covered =
                    page.size() < REPLAY_PAGE ? head : page.get(page.size() - 1).position();
            return;
        }
        synchronized (this) {
            if (!overflowed) {
                horizon = head;
                state = State.DONE;
                return;
            }
            overflowed = false;
        }
        head = replay.head(); // live alerts were dropped: they are stored below the new head
    }
}
