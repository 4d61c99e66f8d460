package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.platform.BackgroundThread;
import com.bakeryia.alerts.platform.Backoff;
import com.bakeryia.alerts.store.control.AlertStored;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends what the outbox holds, on one thread of this server: claims due deliveries
 * ({@link DeliveryClaims}), hands each to its channel's in-process Reactive Messaging channel
 * ({@value EmailChannel#NAME}, {@value WhatsAppChannel#NAME}), and records the outcome when the
 * sender acknowledges (sent) or refuses (retry or failed) the message. At most
 * {@code notifications.in.flight.max} deliveries are out at once; the outbox table, not the
 * in-memory channel, is what survives a crash. Woken after every committed alert, and polls every
 * {@code notifications.poll.millis} for retries, quiet hours ending and other servers' leftovers.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());

    @Inject
    DeliveryClaims claims;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    Transports transports;

    @Inject
    @org.eclipse.microprofile.reactive.messaging.Channel(EmailChannel.NAME)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<DeliveryJob> email;

    @Inject
    @org.eclipse.microprofile.reactive.messaging.Channel(WhatsAppChannel.NAME)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<DeliveryJob> whatsapp;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "notifications.poll.millis", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "notifications.in.flight.max", defaultValue = "64")
    int inFlightMax;

    private final Semaphore wakeUps = new Semaphore(0);
    private final BackgroundThread worker = new BackgroundThread("notifications-dispatcher");
    private Semaphore inFlight;

    public void start() {
        inFlight = new Semaphore(inFlightMax);
        worker.start(threads, this::run);
    }

    /** An alert was committed: its deliveries may be due now. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertStored stored) {
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
                    wakeUps.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
                dispatchDue();
                if (backoff.currentMillis() > 0) {
                    LOG.info("Claiming deliveries works again");
                }
                backoff.succeeded();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff.failedMillis();
                if (backoff.firstFailure()) {
                    LOG.log(Level.WARNING, "Claiming deliveries failed; they wait in the database", e);
                } else {
                    LOG.fine(() -> "Claiming deliveries still fails: " + e.getMessage());
                }
            }
        }
    }

    private void dispatchDue() throws InterruptedException {
        while (worker.running()) {
            int free = inFlight.availablePermits();
            if (free == 0) {
                // Wait for a slot rather than spin; outcomes release them.
                inFlight.acquire();
                inFlight.release();
                continue;
            }
            List<DeliveryJob> jobs = claims.claim(free, transports.configured());
            for (DeliveryJob job : jobs) {
                inFlight.acquire();
                emitterOf(job.channel()).send(Message.of(job, () -> acknowledged(job), error -> refused(job, error)));
            }
            if (jobs.size() < free) {
                return;
            }
        }
    }

    private Emitter<DeliveryJob> emitterOf(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case WHATSAPP -> whatsapp;
        };
    }

    /** The sender acknowledged: the message went out. */
    private CompletionStage<Void> acknowledged(DeliveryJob job) {
        try {
            outcomes.sent(job);
        } catch (RuntimeException e) {
            // Sent but not recorded: the lease runs out and it is sent again, recognisable by its
            // Message-ID. Said loudly, because a person may get it twice.
            LOG.log(
                    Level.SEVERE,
                    "Delivery " + job.deliveryId() + " was sent but could not be marked sent; it will be sent"
                            + " again when its claim expires",
                    e);
        } finally {
            inFlight.release();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The sender refused: try again later, or give up. */
    private CompletionStage<Void> refused(DeliveryJob job, Throwable error) {
        try {
            outcomes.failed(job, error);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "The outcome of delivery " + job.deliveryId() + " could not be recorded; it is tried again"
                            + " when its claim expires",
                    e);
        } finally {
            inFlight.release();
        }
        return CompletableFuture.completedFuture(null);
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }
}
