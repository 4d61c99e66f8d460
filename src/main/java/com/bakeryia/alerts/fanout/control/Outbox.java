package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.alerts.control.AlertJson;
import com.bakeryia.alerts.alerts.entity.Alert;
import com.bakeryia.alerts.alerts.entity.StoredAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The alerts table as an outbox for the fan-out: {@code published_at} is null until an alert went
 * out. A batch is claimed with row locks (PostgreSQL skips rows another server holds), handed to
 * the publisher, and marked published in the same transaction: if publishing fails, nothing is
 * marked and the batch is tried again later.
 */
@ApplicationScoped
public class Outbox {

    /** Unpublished alerts older than this are left alone: they predate the Redis fan-out. */
    static final Duration MAX_AGE = Duration.ofHours(1);

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "db.kind", defaultValue = "derby")
    String databaseKind;

    /** @return how many alerts were published */
    @Transactional
    public int relayBatch(int limit, Consumer<List<StoredAlert>> publisher) {
        Timestamp oldest = Timestamp.from(Instant.now().minus(MAX_AGE));
        @SuppressWarnings("unchecked")
        List<Number> seqs = em.createNativeQuery(isPostgres()
                        ? "SELECT seq FROM alerts WHERE published_at IS NULL AND stored_at > ?1"
                                + " ORDER BY seq LIMIT " + limit + " FOR UPDATE SKIP LOCKED"
                        // Derby serves one server: no competing relay to skip.
                        : "SELECT seq FROM alerts WHERE published_at IS NULL AND stored_at > ?1"
                                + " ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")
                .setParameter(1, oldest)
                .getResultList();
        if (seqs.isEmpty()) {
            return 0;
        }
        List<Long> ids = seqs.stream().map(Number::longValue).toList();
        List<StoredAlert> alerts = em.createNamedQuery(Alert.BY_SEQS, Alert.class)
                .setParameter("seqs", ids)
                .getResultList().stream().map(AlertJson::stored).toList();
        publisher.accept(alerts);
        em.createNamedQuery(Alert.MARK_PUBLISHED)
                .setParameter("at", Instant.now())
                .setParameter("seqs", ids)
                .executeUpdate();
        return alerts.size();
    }

    private boolean isPostgres() {
        return "postgres".equals(databaseKind);
    }
}
