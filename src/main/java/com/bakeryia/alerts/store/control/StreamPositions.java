package com.bakeryia.alerts.store.control;

import com.bakeryia.alerts.store.entity.Alert;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one owner of stream positions and of the {@code stream_head} row that gives them; the alerts
 * table doubles as the fan-out's outbox.
 *
 * <p>{@link #assign}: committed alerts that have no stream position yet get the next positions,
 * while this transaction holds the single {@code stream_head} row. Whichever server does it, the
 * positions of one batch commit before the next batch can even read the head, so a reader that sees
 * position N also sees every position below it — the property resuming a stream relies on
 * (docs/adr/0002-stream-positions-and-send-queues.md).
 *
 * <p>{@link #markPublished}: after a batch went out on the bus. A positioned alert left unpublished
 * (a relay stopped between the two steps, Redis was away) is handed out again by
 * {@link #leftBehind}; streams drop what they already had.
 */
@ApplicationScoped
public class StreamPositions {

    /** Alerts older than this are not positioned or published any more: they are history only. */
    static final Duration MAX_AGE = Duration.ofHours(1);
    /** A positioned alert still unpublished after this long was left behind by a relay. */
    static final Duration LEFT_BEHIND = Duration.ofSeconds(5);

    private static final String LOCK_HEAD = "UPDATE stream_head SET stream_position = stream_position WHERE id = 1";
    private static final String READ_HEAD = "SELECT stream_position FROM stream_head WHERE id = 1";
    private static final String MOVE_HEAD = "UPDATE stream_head SET stream_position = ?1 WHERE id = 1";
    private static final String UNPOSITIONED =
            "SELECT a FROM Alert a WHERE a.position IS NULL AND a.storedAt > :since ORDER BY a.seq";
    private static final String UNPUBLISHED = "SELECT a FROM Alert a WHERE a.position IS NOT NULL"
            + " AND a.publishedAt IS NULL AND a.positionedAt < :before AND a.positionedAt > :since"
            + " ORDER BY a.position";
    private static final String MARK_PUBLISHED = "UPDATE Alert a SET a.publishedAt = :at WHERE a.seq IN :seqs";

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    /** The highest position given so far: every position at or below it is visible. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long head() {
        return ((Number) em.createNativeQuery(READ_HEAD).getSingleResult()).longValue();
    }

    /** @return the alerts that got positions, in position order */
    @Transactional
    public List<PublishedAlert> assign(int limit) {
        // The row lock on the head serialises every relay of the deployment until this commits.
        em.createNativeQuery(LOCK_HEAD).executeUpdate();
        long head = head();
        Instant now = Instant.now();
        List<Alert> alerts = em.createQuery(UNPOSITIONED, Alert.class)
                .setParameter("since", now.minus(MAX_AGE))
                .setMaxResults(limit)
                .getResultList();
        if (alerts.isEmpty()) {
            return List.of();
        }
        for (Alert alert : alerts) {
            alert.position(++head, now);
        }
        em.createNativeQuery(MOVE_HEAD).setParameter(1, head).executeUpdate();
        em.flush();
        return alerts.stream().map(AlertJson::published).toList();
    }

    /** Positioned alerts that no relay marked published within {@link #LEFT_BEHIND}, in position order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublishedAlert> leftBehind(int limit) {
        Instant now = Instant.now();
        return em
                .createQuery(UNPUBLISHED, Alert.class)
                .setParameter("before", now.minus(LEFT_BEHIND))
                .setParameter("since", now.minus(MAX_AGE))
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(AlertJson::published)
                .toList();
    }

    @Transactional
    public void markPublished(List<PublishedAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        em.createQuery(MARK_PUBLISHED)
                .setParameter("at", Instant.now())
                .setParameter("seqs", alerts.stream().map(PublishedAlert::seq).toList())
                .executeUpdate();
    }
}
