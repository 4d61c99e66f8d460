package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands alerts to this server's streams in stream-position order, each once. Positions are
 * contiguous across the deployment (every position belongs to one alert), and every server hears
 * every alert, so this server expects exactly the next one and holds back anything later (the
 * {@link PositionSequence}). Relays of several servers publish concurrently, so a later batch can
 * arrive first; and Redis pub/sub may lose a message. A position missing for longer than
 * {@link #GAP_WAIT} is read from the database — it is committed, since a later one is — and the
 * held-back alerts follow it.
 *
 * <p>Order matters beyond looks: a client that saw position 12 before 11 and resumed "after 12"
 * would never get 11.
 */
@ApplicationScoped
public class InOrderDelivery {

    private static final Logger LOG = Logger.getLogger(InOrderDelivery.class.getName());
    static final Duration GAP_WAIT = Duration.ofMillis(250);
    static final int FILL_LIMIT = 10_000;

    @Inject
    Audiences audiences;

    @Inject
    StreamReplay replay;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final PositionSequence sequence = new PositionSequence(System::nanoTime, alert -> audiences.deliver(alert));
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
}
