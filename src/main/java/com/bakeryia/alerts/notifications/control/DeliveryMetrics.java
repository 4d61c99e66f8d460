package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.notifications.entity.DeliveryStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Notification metrics (application scope of {@code /metrics}):
 * <ul>
 *   <li>{@code notifications_deliveries{channel,status}} — deliveries in the database by channel and
 *       status, counted across all servers (read at most every {@value #SNAPSHOT_MILLIS} ms)</li>
 *   <li>{@code notifications_backlog} — deliveries still to be sent (due or held)</li>
 *   <li>{@code notifications_attempts_total{channel,outcome}} — this server's attempts: sent, retried, failed</li>
 *   <li>{@code notifications_dispatch_latency_seconds{channel}} — from storing the alert to the message sent</li>
 * </ul>
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class.getName());
    static final long SNAPSHOT_MILLIS = 2_000;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    private volatile Snapshot snapshot = new Snapshot(0, new EnumMap<>(Channel.class), 0);

    private record Snapshot(long takenAt, Map<Channel, Map<DeliveryStatus, Long>> counts, long backlog) {}

    @PostConstruct
    void register() {
        for (Channel channel : Channel.values()) {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                registry.gauge(
                        "notifications.deliveries",
                        this,
                        metrics -> metrics.current()
                                .counts()
                                .getOrDefault(channel, Map.of())
                                .getOrDefault(status, 0L),
                        new Tag("channel", channel.wireName()),
                        new Tag("status", status.wireName()));
            }
        }
        registry.gauge(
                "notifications.backlog", this, metrics -> metrics.current().backlog());
    }

    void sent(DeliveryJob job, Duration latency) {
        attempt(job, "sent");
        registry.timer(
                        "notifications.dispatch.latency",
                        new Tag("channel", job.channel().wireName()))
                .update(latency.isNegative() ? Duration.ZERO : latency);
    }

    void retried(DeliveryJob job) {
        attempt(job, "retried");
    }

    void failed(DeliveryJob job) {
        attempt(job, "failed");
    }

    private void attempt(DeliveryJob job, String outcome) {
        registry.counter(
                        "notifications.attempts",
                        new Tag("channel", job.channel().wireName()),
                        new Tag("outcome", outcome))
                .inc();
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        long now = System.currentTimeMillis();
        if (now - last.takenAt() < SNAPSHOT_MILLIS) {
            return last;
        }
        try {
            snapshot = read(now);
        } catch (RuntimeException e) {
            // A scrape while the database is away shows the last figures rather than failing.
            LOG.log(Level.FINE, "Delivery counts could not be read", e);
            snapshot = new Snapshot(now, last.counts(), last.backlog());
        }
        return snapshot;
    }

    /** Outside any transaction: a read-only count. */
    private Snapshot read(long now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT channel, status, COUNT(*), SUM(CASE WHEN due_at IS NULL THEN 0 ELSE 1 END)"
                                + " FROM deliveries GROUP BY channel, status")
                .getResultList();
        Map<Channel, Map<DeliveryStatus, Long>> counts = new EnumMap<>(Channel.class);
        long backlog = 0;
        for (Object[] row : rows) {
            var channel = Channel.fromWire((String) row[0]);
            var status = java.util.Arrays.stream(DeliveryStatus.values())
                    .filter(s -> s.wireName().equals(row[1]))
                    .findFirst();
            if (channel.isPresent() && status.isPresent()) {
                counts.computeIfAbsent(channel.get(), c -> new EnumMap<>(DeliveryStatus.class))
                        .put(status.get(), ((Number) row[2]).longValue());
            }
            backlog += row[3] == null ? 0 : ((Number) row[3]).longValue();
        }
        return new Snapshot(now, counts, backlog);
    }
}
