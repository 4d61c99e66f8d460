package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records what became of a claimed delivery: {@code sent}; tried again later with back-off (or after
 * the other side's {@code Retry-After}); {@code failed} for good, with the error. Each in a
 * transaction of its own, right after the attempt.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class.getName());

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    @ConfigProperty(name = "notifications.retry.base.seconds", defaultValue = "10")
    long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "notifications.retry.max.seconds", defaultValue = "3600")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "notifications.max.attempts", defaultValue = "8")
    int maxAttempts;

    private RetryPolicy policy() {
        return RetryPolicy.of(Duration.ofSeconds(retryBaseSeconds), Duration.ofSeconds(retryMaxSeconds), maxAttempts);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(DeliveryJob job) {
        Instant now = clock.instant();
        Delivery delivery = em.find(Delivery.class, job.deliveryId());
        delivery.sent(now);
        metrics.sent(job, Duration.between(job.storedAt(), now));
        LOG.fine(() -> "Delivery " + job.deliveryId() + " of alert " + job.alertId() + " sent by "
                + job.channel().wireName() + " (attempt " + job.attempt() + ")");
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(DeliveryJob job, Throwable error) {
        Delivery delivery = em.find(Delivery.class, job.deliveryId());
        Instant now = clock.instant();
        DeliveryFailure failure = error instanceof DeliveryFailure known
                ? known
                : DeliveryFailure.retry(error.getClass().getSimpleName() + ": " + error.getMessage(), error);
        if (failure.deferred()) {
            delivery.deferTo(now.plus(failure.retryAfter().orElse(Duration.ofSeconds(1))));
            return;
        }
        RetryPolicy policy = policy();
        if (failure.permanent() || policy.exhausted(delivery.attempts() + 1)) {
            delivery.failed(failure.getMessage());
            metrics.failed(job);
            LOG.warning(() -> "Delivery " + job.deliveryId() + " of alert " + job.alertId() + " by "
                    + job.channel().wireName() + " failed after " + delivery.attempts() + " attempt(s): "
                    + failure.getMessage());
            return;
        }
        Duration wait =
                policy.delay(delivery.attempts() + 1, failure.retryAfter().orElse(null));
        delivery.retryAt(now.plus(wait), failure.getMessage());
        metrics.retried(job);
        LOG.info(() -> "Delivery " + job.deliveryId() + " of alert " + job.alertId() + " by "
                + job.channel().wireName() + " will be tried again in " + wait.toMillis() + " ms (attempt "
                + delivery.attempts() + "): " + failure.getMessage());
    }
}
