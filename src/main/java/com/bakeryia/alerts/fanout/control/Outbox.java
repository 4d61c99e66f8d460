package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.store.control.AlertJson;
import com.bakeryia.alerts.store.entity.Alert;
import com.bakeryia.alerts.store.entity.StoredAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The alerts table as the outbox of the fan-out, in two steps.
 *
 * <p>{@link #position}: committed alerts that have no stream position yet get the next positions,
 * while this transaction holds the single {@code stream_head} row. Whichever server does it, the
 * positions of one batch commit before the next batch can even read the head, so a reader that sees
 * position N also sees every position below it — the property resuming a stream relies on
 * (docs/adr/0002-stream-positions.md).
 *
 * <p>{@link #markPublished}: after the batch went out on the bus. A positioned alert left
 * unpublished (a relay stopped between the two steps, Redis was away) is handed out again by
 * {@link #unpublished}; streams drop what they already had.
 */
@ApplicationScoped
public class Outbox {

    /** Alerts older than this are not positioned or published any more: they are history only. */
    static final Duration MAX_AGE = Duration.ofHours(1);
    /** A positioned alert still unpublished after this long was left behind by a relay. */
    static final Duration LEFT_BEHIND = Duration.ofSeconds(5);

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    /** @return the alerts that got positions, in position order */
    @Transactional
    public List<StoredAlert> position(int limit) {
        // The row lock on the head serialises every relay of the deployment until this commits.
        em.createNativeQuery("UPDATE stream_head SET stream_position = stream_position WHERE id = 1").executeUpdate();
        long head = ((Number) em.createNativeQuery("SELECT stream_position FROM stream_head WHERE id = 1")
                .getSingleResult()).longValue();
        Instant now = Instant.now();
        List<Alert> alerts = em.createNamedQuery(Alert.UNPOSITIONED, Alert.class)
                .setParameter("since", now.minus(MAX_AGE))
                .setMaxResults(limit)
                .getResultList();
        if (alerts.isEmpty()) {
            return List.of();
        }
        for (Alert alert : alerts) {
            alert.position(++head, now);
        }
        em.createNativeQuery("UPDATE stream_head SET stream_position = ?1 WHERE id = 1")
                .setParameter(1, head)
                .executeUpdate();
        em.flush();
        return alerts.stream().map(AlertJson::stored).toList();
    }

    /** Positioned alerts that no relay marked published within {@link #LEFT_BEHIND}, in position order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredAlert> unpublished(int limit) {
        Instant now = Instant.now();
        return em.createNamedQuery(Alert.UNPUBLISHED, Alert.class)
                .setParameter("before", now.minus(LEFT_BEHIND))
                .setParameter("since", now.minus(MAX_AGE))
                .setMaxResults(limit)
                .getResultList().stream().map(AlertJson::stored).toList();
    }

    @Transactional
    public void markPublished(List<StoredAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        em.createNamedQuery(Alert.MARK_PUBLISHED)
                .setParameter("at", Instant.now())
                .setParameter("seqs", alerts.stream().map(StoredAlert::seq).toList())
                .executeUpdate();
    }
}
