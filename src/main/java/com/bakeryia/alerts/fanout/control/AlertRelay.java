package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.platform.BackgroundThread;
import com.bakeryia.alerts.platform.Backoff;
import com.bakeryia.alerts.store.control.AlertStored;
import com.bakeryia.alerts.store.control.StreamPositions;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves committed alerts to the {@link AlertBus}, on one thread of this server: has
 * {@link StreamPositions} give them stream positions, publishes them, marks them published. Woken
 * after every commit of a stored alert (the seam between storing and streaming), and at least every
 * second to pick up what another server or an outage left behind; while the bus is unreachable it
 * backs off (up to 30 s) and the alerts wait in the database.
 *
 * <p>A pass starts at most every {@code fanout.relay.batch.millis} (20): a lone commit is relayed at
 * once, while under load the commits of that interval go together, in two transactions per batch
 * instead of two per alert (in the ingest benchmark the per-commit passes made about one database
 * commit per alert on their own).
 */
@ApplicationScoped
public class AlertRelay {

    private static final Logger LOG = Logger.getLogger(AlertRelay.class.getName());
    static final int BATCH = 500;
    static final Duration POLL = Duration.ofSeconds(1);

    @Inject
    StreamPositions positions;

    @Inject
    AlertBus bus;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "fanout.relay.batch.millis", defaultValue = "20")
    long batchMillis;

    private final Semaphore wakeUps = new Semaphore(0);
    private final BackgroundThread worker = new BackgroundThread("alerts-relay");
    /** System.nanoTime() of the last look for left-behind alerts; only the relay thread touches it. */
    private long lastSweep = System.nanoTime() - POLL.toNanos();
    /** System.nanoTime() when the last pass started; only the relay thread touches it. */
    private long lastPass = System.nanoTime() - POLL.toNanos();

    public void start() {
        worker.start(threads, this::run);
    }

    /** An alert was committed: relay it now rather than at the next poll. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertStored stored) {
        wake();
    }

    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run() {
        Backoff backoff = new Backoff();
        while (worker.running()) {
            try {
                if (backoff.currentMillis() > 0) {
                    TimeUnit.MILLISECONDS.sleep(backoff.currentMillis());
                } else {
                    wakeUps.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    long early = lastPass + TimeUnit.MILLISECONDS.toNanos(batchMillis) - System.nanoTime();
                    if (early > 0) {
                        TimeUnit.NANOSECONDS.sleep(early); // commits meanwhile join this pass
                    }
                    wakeUps.drainPermits();
                }
                lastPass = System.nanoTime();
                relayAll();
                if (backoff.currentMillis() > 0) {
                    LOG.info(() -> "Publishing to " + bus.where() + " works again");
                }
                backoff.succeeded();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff.failedMillis();
                if (backoff.firstFailure()) {
                    LOG.log(
                            Level.WARNING,
                            "Publishing to " + bus.where()
                                    + " failed; stored alerts wait in the database until it works again",
                            e);
                } else {
                    LOG.fine(() -> "Publishing still fails: " + e.getMessage());
                }
            }
        }
    }

    private void relayAll() {
        // What a relay positioned but never published is looked for once per poll interval, not
        // after every commit: it only counts as left behind after a few seconds anyway.
        long now = System.nanoTime();
        if (now - lastSweep >= POLL.toNanos()) {
            lastSweep = now;
            List<PublishedAlert> leftBehind;
            do {
                leftBehind = positions.leftBehind(BATCH);
                publish(leftBehind);
            } while (leftBehind.size() == BATCH && worker.running());
        }
        List<PublishedAlert> batch;
        do {
            batch = positions.assign(BATCH);
            publish(batch);
        } while (batch.size() == BATCH && worker.running());
    }

    private void publish(List<PublishedAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        bus.publish(alerts);
        positions.markPublished(alerts);
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }
}
