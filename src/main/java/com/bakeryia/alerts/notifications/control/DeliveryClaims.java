package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.notifications.entity.Delivery;
import com.bakeryia.alerts.store.control.AlertStore;
import com.bakeryia.alerts.store.entity.Alert;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
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

    @Resource
    UserTransaction transaction;

    private final ReentrantLock derbyClaims = new ReentrantLock();
    private volatile Boolean postgres;

    /**
     * Claims up to {@code limit} deliveries due now on these channels (the ones this server can send
     * on: a server without SMTP leaves email to servers that have it) and reads what sending them
     * needs.
     */
    public List<DeliveryJob> claim(int limit, Set<Channel> channels) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return claim(limit, channels, clock.instant());
    }

    /**
     * Claims up to {@code limit} deliveries due at {@code now}, in a transaction of its own. On Derby
     * (one server only) claimers of this server take turns, which is what SKIP LOCKED gives
     * PostgreSQL across servers.
     */
    public List<DeliveryJob> claim(int limit, Set<Channel> channels, Instant now) {
        boolean alone = !postgres();
        if (alone) {
            derbyClaims.lock();
        }
        try {
            transaction.begin();
            try {
                List<DeliveryJob> jobs = claimIn(limit, channels, now);
                transaction.commit();
                return jobs;
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        } catch (jakarta.transaction.NotSupportedException
                | jakarta.transaction.SystemException
                | jakarta.transaction.RollbackException
                | jakarta.transaction.HeuristicMixedException
                | jakarta.transaction.HeuristicRollbackException e) {
            throw new IllegalStateException("Claiming deliveries failed: " + e.getMessage(), e);
        } finally {
            if (alone) {
                derbyClaims.unlock();
            }
        }
    }

    private List<DeliveryJob> claimIn(int limit, Set<Channel> channels, Instant now) {
        // Channel names are the enum's own, never input: safe to write into the statement.
        String names =
                channels.stream().map(c -> "'" + c.wireName() + "'").sorted().collect(Collectors.joining(", "));
        String due = "SELECT id FROM deliveries WHERE due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                + " AND channel IN (" + names + ") ORDER BY due_at";
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
        em.flush();
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
