package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.store.control.AlertJson;
import com.bakeryia.alerts.store.entity.Alert;
import com.bakeryia.alerts.store.entity.StoredAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a resuming stream missed, from the database: the alerts of its tenants that pass its
 * filter, by stream position. Positions become visible in order (see {@code Outbox}), so "after
 * cursor c, up to the head read at the start" is exactly what a stream that was live up to c lacks.
 */
@ApplicationScoped
public class StreamReplay {

    static final String UNKNOWN_CURSOR = "unknown_cursor";
    static final String CURSOR_TOO_OLD = "cursor_too_old";
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Inject
    StreamSettings settings;

    /**
     * What to replay for a cursor: everything after it, or — for a cursor that is unknown or too
     * old — a {@code resync} with a bounded recent window.
     *
     * @param head         the highest visible position when the replay began
     * @param after        replay the alerts after this position (resume only)
     * @param resyncReason null to resume, else why the cursor cannot be resumed from
     */
    public record Plan(long head, long after, String resyncReason) {

        public boolean resumes() {
            return resyncReason == null;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan plan(String cursor, Set<String> tenants, StreamFilter filter) {
        long head = head();
        OptionalLong position = position(cursor);
        if (position.isEmpty()) {
            return new Plan(head, head, UNKNOWN_CURSOR);
        }
        long after = position.getAsLong();
        if (after > head) {
            return new Plan(head, head, UNKNOWN_CURSOR);
        }
        if (after == head) {
            return new Plan(head, after, null);
        }
        List<Instant> positionedAt = em.createQuery(
                        "SELECT a.positionedAt FROM Alert a WHERE a.position = :position", Instant.class)
                .setParameter("position", after)
                .getResultList();
        if (positionedAt.isEmpty() || positionedAt.get(0).isBefore(Instant.now().minus(settings.resumeMaxAge()))) {
            return new Plan(head, head, CURSOR_TOO_OLD);
        }
        long missed = query("SELECT COUNT(a) FROM Alert a", "", Long.class, tenants, filter, after, head)
                .getSingleResult();
        if (missed > settings.resumeMaxEvents()) {
            return new Plan(head, head, CURSOR_TOO_OLD);
        }
        return new Plan(head, after, null);
    }

    /**
     * The stream position a {@code Last-Event-ID} names: 1 to 18 digits, surrounding blanks
     * ignored, not 0. Anything else (whatever a client or proxy sends) is no position — the
     * stream gets a {@code resync}, never an error.
     */
    static OptionalLong position(String cursor) {
        String text = cursor == null ? "" : cursor.strip();
        if (!CURSOR.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        long position = Long.parseLong(text);
        return position == 0 ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** The highest position given so far: every position at or below it is visible. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long head() {
        return ((Number) em.createNativeQuery("SELECT stream_position FROM stream_head WHERE id = 1")
                .getSingleResult()).longValue();
    }

    /** Up to {@code limit} alerts after {@code after} and at most {@code upTo}, in position order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredAlert> page(Set<String> tenants, StreamFilter filter, long after, long upTo, int limit) {
        return query("SELECT a FROM Alert a", " ORDER BY a.position", Alert.class, tenants, filter, after, upTo)
                .setMaxResults(limit)
                .getResultList().stream().map(AlertJson::stored).toList();
    }

    /** Every tenant's alerts with positions from {@code from} to {@code upTo}, in position order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredAlert> range(long from, long upTo, int limit) {
        return em.createQuery("SELECT a FROM Alert a WHERE a.position >= :from AND a.position <= :upTo"
                        + " ORDER BY a.position", Alert.class)
                .setParameter("from", from)
                .setParameter("upTo", upTo)
                .setMaxResults(limit)
                .getResultList().stream().map(AlertJson::stored).toList();
    }

    /** The newest {@code limit} alerts at or below {@code upTo}, in position order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredAlert> latest(Set<String> tenants, StreamFilter filter, long upTo, int limit) {
        List<StoredAlert> newestFirst = new ArrayList<>(
                query("SELECT a FROM Alert a", " ORDER BY a.position DESC", Alert.class, tenants, filter, 0, upTo)
                        .setMaxResults(limit)
                        .getResultList().stream().map(AlertJson::stored).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private <T> TypedQuery<T> query(String select, String orderBy, Class<T> type, Set<String> tenants,
                                    StreamFilter filter, long after, long upTo) {
        StringBuilder jpql = new StringBuilder(select)
                .append(" WHERE a.position > :after AND a.position <= :upTo AND a.tenantId IN :tenants");
        if (!filter.severities().isEmpty()) {
            jpql.append(" AND a.severity IN :severities");
        }
        if (!filter.services().isEmpty()) {
            jpql.append(" AND a.service IN :services");
        }
        if (!filter.types().isEmpty()) {
            jpql.append(" AND a.type IN :types");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(orderBy).toString(), type)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setParameter("tenants", tenants);
        if (!filter.severities().isEmpty()) {
            query.setParameter("severities", filter.severities());
        }
        if (!filter.services().isEmpty()) {
            query.setParameter("services", filter.services());
        }
        if (!filter.types().isEmpty()) {
            query.setParameter("types", filter.types());
        }
        return query;
    }
}
