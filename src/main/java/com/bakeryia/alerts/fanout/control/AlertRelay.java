package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.alerts.entity.StoredAlert;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Pipeline;

/**
 * Publishes stored alerts to Redis {@code alerts:<tenant>} from the {@link Outbox}, on one thread of
 * this server. Woken after every commit, and at least every second to catch what an outage held
 * back; while Redis is unreachable it backs off (up to 30 s) and the alerts wait in the database.
 */
@ApplicationScoped
public class AlertRelay {

    private static final Logger LOG = Logger.getLogger(AlertRelay.class.getName());
    static final int BATCH = 500;
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    RedisClients redis;

    @Resource
    ManagedThreadFactory threads;

    private final Semaphore wakeUps = new Semaphore(0);
    private final BackgroundThread worker = new BackgroundThread("alerts-redis-relay");

    public void start() {
        worker.start(threads, this::run);
    }

    /** Something was committed: publish it now rather than at the next poll. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run() {
        long backoffMillis = 0;
        while (worker.running()) {
            try {
                if (backoffMillis > 0) {
                    TimeUnit.MILLISECONDS.sleep(backoffMillis);
                } else {
                    wakeUps.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
                while (worker.running() && outbox.relayBatch(BATCH, this::publish) == BATCH) {
                    // a full batch: more may be waiting
                }
                if (backoffMillis > 0) {
                    LOG.info("Publishing to Redis works again");
                }
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMillis = backoffMillis == 0 ? 500 : Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
                if (backoffMillis == 500) {
                    LOG.log(Level.WARNING, "Publishing to Redis at " + redis.where()
                            + " failed; stored alerts wait in the database until it is back", e);
                } else {
                    LOG.fine(() -> "Redis still unreachable: " + e.getMessage());
                }
            }
        }
    }

    private void publish(List<StoredAlert> alerts) {
        try (Pipeline pipeline = redis.pool().pipelined()) {
            for (StoredAlert alert : alerts) {
                pipeline.publish(RedisClients.channel(alert.tenantId()), alert.json());
            }
            pipeline.sync();
        }
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }
}
