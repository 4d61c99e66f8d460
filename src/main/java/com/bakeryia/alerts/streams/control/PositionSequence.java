package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ordering of {@link InOrderDelivery} on its own: takes alerts in any order and hands them on
 * in stream-position order, each once, holding later positions back until the next one arrives or
 * is read from the database. Its clock and where in-order alerts go are given to it, so it is
 * tested without a server and without waiting.
 */
final class PositionSequence {

    private static final Logger LOG = Logger.getLogger(PositionSequence.class.getName());

    /**
     * Reads alerts with positions from {@code from} up to {@code upTo} (inclusive), in order; may
     * return only the first of them (a page).
     */
    interface Reader {
        List<PublishedAlert> read(long from, long upTo);
    }

    private final LongSupplier nanoTime;
    private final Consumer<PublishedAlert> inOrder;

    /** The position this server delivers next. */
    private long next = 1;

    private final TreeMap<Long, PublishedAlert> held = new TreeMap<>();
    /** Whether something later than {@link #next} is held, so that {@code next} is waited for. */
    private boolean waiting;
    /** Since when (on the clock) {@link #next} is waited for; meaningful while {@link #waiting}. */
    private long waitingSince;

    /**
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     * @param inOrder  takes each alert once, in position order
     */
    PositionSequence(LongSupplier nanoTime, Consumer<PublishedAlert> inOrder) {
        this.nanoTime = nanoTime;
        this.inOrder = inOrder;
    }

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
        if (held.isEmpty() || nanoTime.getAsLong() - waitingSince < waitNanos) {
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
                inOrder.accept(first.getValue());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivering alert " + first.getValue().alertId() + " failed", e);
            }
        }
        if (held.isEmpty()) {
            waiting = false;
        } else if (next != before || !waiting) {
            waiting = true;
            waitingSince = nanoTime.getAsLong(); // waiting for a new position from now on
        }
    }
}
