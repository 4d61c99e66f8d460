package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands alerts to this server's streams in stream-position order, each once. Positions are
 * contiguous across the deployment (every position belongs to one alert), and every server hears
 * every alert, so this server expects exactly {@code next} and holds back anything later. Relays of
 * several servers publish concurrently, so a later batch can arrive first; and Redis pub/sub may
 * lose a message. A position missing for longer than {@link #GAP_WAIT} is read from the database —
 * it is committed, since a later one is — and the held-back alerts follow it.
 *
 * <p>Order matters beyond looks: a client that saw position 12 before 11 and resumed "after 12"
 * would never get 11.
 */
@ApplicationScoped
public class StreamOrder {

    private static final Logger LOG = Logger.getLogger(StreamOrder.class.getName());
    static final Duration GAP_WAIT = Duration.ofMillis(250);
    static final int FILL_LIMIT = 10_000;

    @Inject
    TenantBroadcasters broadcasters;

    @Inject
    StreamReplay replay;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Sequence sequence = new Sequence();
    private ScheduledFuture<?> gapCheck;

    /** Before the bus is listened to: what is stored up to now is not delivered live. */
    public void start() {
        sequence.startAfter(replay.head());
        ensureGapCheck();
    }

    /** An alert from the bus (in-process or Redis), in whatever order it came. */
    public void accept(PublishedAlert alert) {
        sequence.accept(alert);
    }

    /** After an outage of the bus: delivers from the database whatever this server has not had yet. */
    public void catchUp() {
        sequence.fill(replay.head(), this::read);
    }

    private List<PublishedAlert> read(long from, long upTo) {
        return replay.range(from, upTo, FILL_LIMIT);
    }

    private synchronized void ensureGapCheck() {
        if (gapCheck == null) {
            gapCheck = scheduler.scheduleWithFixedDelay(this::checkGap, 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    private void checkGap() {
        try {
            sequence.fillIfWaitedLongerThan(GAP_WAIT.toNanos(), this::read);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading missing stream positions from the database failed; trying again", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (gapCheck != null) {
            gapCheck.cancel(false);
        }
    }

    /**
     * Reads alerts with positions from {@code from} up to {@code upTo} (inclusive), in order; may
     * return only the first of them (a page).
     */
    interface Reader {
        List<PublishedAlert> read(long from, long upTo);
    }

    /** The ordering itself, apart from the server, so it can be tested on its own. */
    final class Sequence {

        /** The position this server delivers next. */
        private long next = 1;
        private final TreeMap<Long, PublishedAlert> held = new TreeMap<>();
        /** When the position {@link #next} started to be waited for (something later is held). */
        private long waitingSince;

        /** Alerts at or below this position were stored before this server listened. */
        synchronized void startAfter(long head) {
            next = head + 1;
        }

        synchronized void accept(PublishedAlert alert) {
            long position = alert.position();
            if (position < next || held.containsKey(position)) {
                return; // had it already (a relay retried, a catch-up overlapped)
            }
            held.put(position, alert);
            drain();
        }

        synchronized void fillIfWaitedLongerThan(long waitNanos, Reader reader) {
            if (held.isEmpty() || System.nanoTime() - waitingSince < waitNanos) {
                return;
            }
            long upTo = held.firstKey() - 1;
            LOG.fine(() -> "Positions " + next + " to " + upTo + " did not arrive; reading them from the database");
            fill(upTo, reader);
        }

        /** Reads what is missing up to {@code upTo} from the database, a page at a time. */
        synchronized void fill(long upTo, Reader reader) {
            while (next <= upTo) {
                List<PublishedAlert> page = reader.read(next, upTo);
                // Positions are contiguous: one up to the last read (or, on an empty page, up to
                // upTo) that the database does not have either is gone: skip it.
                long covered = page.isEmpty() ? upTo : page.get(page.size() - 1).position();
                for (PublishedAlert alert : page) {
                    if (alert.position() >= next) {
                        held.putIfAbsent(alert.position(), alert);
                    }
                }
                drain();
                while (next <= covered && !held.containsKey(next)) {
                    next++;
                    drain();
                }
            }
        }

        private void drain() {
            long before = next;
            Map.Entry<Long, PublishedAlert> first;
            while ((first = held.firstEntry()) != null && first.getKey() == next) {
                held.pollFirstEntry();
                next++;
                try {
                    broadcasters.deliver(first.getValue());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Delivering alert " + first.getValue().alertId() + " failed", e);
                }
            }
            if (!held.isEmpty() && (next != before || waitingSince == 0)) {
                waitingSince = System.nanoTime(); // waiting for a new position from now on
            }
            if (held.isEmpty()) {
                waitingSince = 0;
            }
        }
    }
}
