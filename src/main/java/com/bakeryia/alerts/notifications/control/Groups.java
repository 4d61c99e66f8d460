package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.control.DeliveryDecisions.GroupState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The grouping state of each (tenant, fingerprint) in {@code notification_groups}, read with a row
 * lock inside the alert's transaction, so two alerts of one group decide one after the other. Two
 * first alerts of a new group racing to insert it meet at the primary key: the loser's transaction
 * rolls back and its message is redelivered, and then it finds the group.
 */
@ApplicationScoped
public class Groups {

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    /** The fingerprint of an alert: its service, type and the producer's own {@code metadata.fingerprint}, hashed. */
    public static String fingerprint(String service, String type, String producerFingerprint) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String key = service + '\n' + type + '\n' + (producerFingerprint == null ? "" : producerFingerprint);
            return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The group's state, locked until the transaction ends; empty when the group is new. */
    public Optional<GroupState> locked(String tenant, String fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT notified_at, suppressed FROM notification_groups"
                        + " WHERE tenant_id = ? AND fingerprint = ? FOR UPDATE")
                .setParameter(1, tenant)
                .setParameter(2, fingerprint)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new GroupState(((Timestamp) row[0]).toInstant(), ((Number) row[1]).intValue()));
    }

    /** Stores the group's new state: an update when it existed, an insert when it is new. */
    public void save(String tenant, String fingerprint, boolean existed, GroupState state) {
        Timestamp notifiedAt = Timestamp.from(state.notifiedAt());
        if (existed) {
            em.createNativeQuery("UPDATE notification_groups SET notified_at = ?, suppressed = ?"
                            + " WHERE tenant_id = ? AND fingerprint = ?")
                    .setParameter(1, notifiedAt)
                    .setParameter(2, state.suppressed())
                    .setParameter(3, tenant)
                    .setParameter(4, fingerprint)
                    .executeUpdate();
        } else {
            em.createNativeQuery("INSERT INTO notification_groups (tenant_id, fingerprint, notified_at, suppressed)"
                            + " VALUES (?, ?, ?, ?)")
                    .setParameter(1, tenant)
                    .setParameter(2, fingerprint)
                    .setParameter(3, notifiedAt)
                    .setParameter(4, state.suppressed())
                    .executeUpdate();
        }
    }
}
