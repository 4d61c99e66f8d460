package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.Delivery;
import com.bakeryia.alerts.store.control.AlertStore;
import com.bakeryia.alerts.store.entity.Alert;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes due deliveries for this server. On PostgreSQL the rows are selected {@code FOR UPDATE SKIP
 * LOCKED}, so servers claiming at the same moment take different rows and never wait for each
 * other; the claim is a lease ({@code claimed_until}), so a delivery whose server died is taken
 * again once the lease runs out. Embedded Derby serves one server only and has no SKIP LOCKED.
 */
@ApplicationScoped
public class DeliveryClaims {

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Resource(lookup = "jdbc/alerts")
    DataSource dataSource;

    @Inject
    AlertStore alerts;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "notifications.claim.lease.seconds", defaultValue = "120")
    long leaseSeconds;

    private volatile Boolean postgres;

    /** Claims up to {@code limit} due deliveries and reads what sending them needs. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<DeliveryJob> claim(int limit) {
        Instant now = clock.instant();
        String due = "SELECT id FROM deliveries WHERE due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                + " ORDER BY due_at";
        var query = postgres()
                ? em.createNativeQuery(due + " LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                : em.createNativeQuery(due).setMaxResults(limit);
        @SuppressWarnings("unchecked")
        List<Object> ids = query.setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now))
                .getResultList();
        Instant until = now.plus(Duration.ofSeconds(leaseSeconds));
        List<DeliveryJob> jobs = new ArrayList<>(ids.size());
        for (Object id : ids) {
            Delivery delivery = em.find(Delivery.class, ((Number) id).longValue());
            delivery.claim(until);
            Alert alert = alerts.bySeq(delivery.alertSeq());
            jobs.add(new DeliveryJob(
                    delivery.id(),
                    delivery.channel(),
                    delivery.recipient(),
                    delivery.tenantId(),
                    delivery.alertId(),
                    alert.severity(),
                    alert.title(),
                    alert.message(),
                    delivery.suppressedBefore(),
                    delivery.attempts() + 1,
                    alert.storedAt()));
        }
        return jobs;
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell which database this is", e);
            }
            postgres = known;
        }
        return known;
    }
}
