package com.bakeryia.alerts.store.control;

import com.bakeryia.alerts.store.entity.Alert;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads positioned alerts back by stream position: what a resuming stream missed, and what a
 * server did not hear on the bus. Positions become visible in order ({@link StreamPositions}), so
 * "after cursor c, up to a head read before" is exactly what a stream that was live up to c lacks.
 */
@ApplicationScoped
public class PositionedAlerts {

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    /** When the alert at this position was positioned; empty when no alert has it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> positionedAt(long position) {
        return em.createQuery("SELECT a.positionedAt FROM Alert a WHERE a.position = :position", Instant.class)
                .setParameter("position", position)
                .getResultStream()
                .findFirst();
    }

    /** How many selected alerts lie after {@code after} and at most {@code upTo}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(AlertSelection selection, long after, long upTo) {
        return query("SELECT COUNT(a) FROM Alert a", "", Long.class, selection, after, upTo)
                .getSingleResult();
    }

    /** Up to {@code limit} selected alerts after {@code after} and at most {@code upTo}, in position order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublishedAlert> page(AlertSelection selection, long after, long upTo, int limit) {
        return query("SELECT a FROM Alert a", " ORDER BY a.position", Alert.class, selection, after, upTo)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(AlertJson::published)
                .toList();
    }

    /** The newest {@code limit} selected alerts at or below {@code upTo}, in position order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublishedAlert> latest(AlertSelection selection, long upTo, int limit) {
        List<PublishedAlert> newestFirst = new ArrayList<>(
                query("SELECT a FROM Alert a", " ORDER BY a.position DESC", Alert.class, selection, 0, upTo)
                        .setMaxResults(limit)
                        .getResultList()
                        .stream()
                        .map(AlertJson::published)
                        .toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Every tenant's alerts with positions from {@code from} to {@code upTo}, in position order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublishedAlert> range(long from, long upTo, int limit) {
        return em
                .createQuery(
                        "SELECT a FROM Alert a WHERE a.position >= :from AND a.position <= :upTo"
                                + " ORDER BY a.position",
                        Alert.class)
                .setParameter("from", from)
                .setParameter("upTo", upTo)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(AlertJson::published)
                .toList();
    }

    private <T> TypedQuery<T> query(
            String select, String orderBy, Class<T> type, AlertSelection selection, long after, long upTo) {
        StringBuilder jpql = new StringBuilder(select)
                .append(" WHERE a.position > :after AND a.position <= :upTo AND a.tenantId IN :tenants");
        if (!selection.severities().isEmpty()) {
            jpql.append(" AND a.severity IN :severities");
        }
        if (!selection.services().isEmpty()) {
            jpql.append(" AND a.service IN :services");
        }
        if (!selection.types().isEmpty()) {
            jpql.append(" AND a.type IN :types");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(orderBy).toString(), type)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setParameter("tenants", selection.tenants());
        if (!selection.severities().isEmpty()) {
            query.setParameter("severities", selection.severities());
        }
        if (!selection.services().isEmpty()) {
            query.setParameter("services", selection.services());
        }
        if (!selection.types().isEmpty()) {
            query.setParameter("types", selection.types());
        }
        return query;
    }
}
