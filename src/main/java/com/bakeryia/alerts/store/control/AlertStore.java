package com.bakeryia.alerts.store.control;

import com.bakeryia.alerts.store.entity.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stores each alert once by its producer id and announces it with an {@link AlertStored} CDI event;
 * the fan-out observes it after the transaction succeeds, so nothing uncommitted is ever streamed.
 * Two deliveries of one id racing each other are settled by the unique constraint: the loser's
 * transaction rolls back ({@link AlertProcessor} lets it go quietly), and its redelivery finds the
 * stored alert.
 */
@ApplicationScoped
public class AlertStore {

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Inject
    Event<AlertStored> stored;

    /** @return the ids of the stored alert, or empty when an alert with this id was stored before */
    @Transactional
    public Optional<AlertStored> storeOnce(AlertSubmission submission) {
        if (byAlertId(submission.id()).isPresent()) {
            return Optional.empty();
        }
        Alert alert = submission.toEntity();
        alert.markStored(Instant.now());
        em.persist(alert);
        em.flush();
        AlertStored result = new AlertStored(alert.seq(), alert.alertId());
        stored.fire(result);
        return Optional.of(result);
    }

    /** A stored alert by its row id (inside the caller's transaction: the same managed instance). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Alert bySeq(long seq) {
        return em.find(Alert.class, seq);
    }

    /** A stored alert by its producer id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Alert> byAlertId(String alertId) {
        return em.createNamedQuery(Alert.BY_ALERT_ID, Alert.class)
                .setParameter("alertId", alertId)
                .getResultStream()
                .findFirst();
    }

    /** The newest alerts of these tenants, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Alert> recent(Collection<String> tenants, int limit) {
        if (tenants.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Alert.RECENT_FOR_TENANTS, Alert.class)
                .setParameter("tenants", tenants)
                .setMaxResults(limit)
                .getResultList();
    }
}
