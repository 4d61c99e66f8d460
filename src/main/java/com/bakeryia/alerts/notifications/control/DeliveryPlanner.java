package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.control.DeliveryDecisions.AlertFacts;
import com.bakeryia.alerts.notifications.control.DeliveryDecisions.GroupState;
import com.bakeryia.alerts.notifications.control.DeliveryDecisions.Plan;
import com.bakeryia.alerts.notifications.control.DeliveryDecisions.Planned;
import com.bakeryia.alerts.notifications.entity.Delivery;
import com.bakeryia.alerts.notifications.entity.NotificationSettings;
import com.bakeryia.alerts.platform.JsonFactories;
import com.bakeryia.alerts.store.control.AlertStore;
import com.bakeryia.alerts.store.control.AlertStored;
import com.bakeryia.alerts.store.entity.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides an alert's deliveries while it is being stored, in the same transaction: the outbox rows
 * commit with the alert or not at all, so a crash between storing and sending loses nothing.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class.getName());

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Inject
    TenantSettings settings;

    @Inject
    Groups groups;

    @Inject
    Transports transports;

    @Inject
    AlertStore alerts;

    @Inject
    Clock clock;

    /** Synchronous: inside the storing transaction (a failure here rolls the alert back too). */
    void plan(@Observes AlertStored stored) {
        Alert alert = alerts.bySeq(stored.seq());
        NotificationSettings tenantSettings = settings.of(alert.tenantId());
        AlertFacts facts = new AlertFacts(alert.severity(), alert.service(), alert.type());
        if (tenantSettings.channelsFor(facts.severity(), facts.service(), facts.type()).stream()
                .allMatch(channel -> tenantSettings.recipients(channel).isEmpty())) {
            return; // in-app only, or nobody to reach: no group to lock, nothing to write
        }
        String fingerprint = Groups.fingerprint(alert.service(), alert.type(), producerFingerprint(alert));
        Optional<GroupState> group =
                tenantSettings.groupWindow().isZero() ? Optional.empty() : groups.locked(alert.tenantId(), fingerprint);
        Instant now = clock.instant();
        Plan plan = DeliveryDecisions.decide(tenantSettings, facts, transports.configured(), group, now);
        for (Planned planned : plan.deliveries()) {
            em.persist(new Delivery(
                    alert.seq(),
                    alert.alertId(),
                    alert.tenantId(),
                    planned.channel(),
                    planned.recipient(),
                    planned.status(),
                    planned.suppressedBefore(),
                    now,
                    planned.dueAt()));
        }
        plan.group().ifPresent(state -> groups.save(alert.tenantId(), fingerprint, group.isPresent(), state));
        if (!plan.deliveries().isEmpty()) {
            LOG.fine(() -> "Alert " + alert.alertId() + ": " + plan.deliveries().size() + " deliveries, "
                    + plan.deliveries().get(0).status().wireName());
        }
    }

    /** {@code metadata.fingerprint}, when the producer set one (a string or a number). */
    static String producerFingerprint(Alert alert) {
        if (alert.metadataJson() == null || alert.metadataJson().isBlank()) {
            return null;
        }
        try (var reader = JsonFactories.reader(alert.metadataJson())) {
            JsonValue metadata = reader.readValue();
            if (metadata instanceof JsonObject object) {
                JsonValue value = object.get("fingerprint");
                if (value instanceof JsonString text) {
                    return text.getString();
                }
                if (value instanceof JsonNumber number) {
                    return number.toString();
                }
            }
            return null;
        }
    }
}
