package it.com.bakeryia.alerts.incontainer;

import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.notifications.entity.Delivery;
import com.bakeryia.alerts.notifications.entity.DeliveryStatus;
import com.bakeryia.alerts.store.entity.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/** The tests' own look at the tables, past the beans under test (deployed with the tests only). */
@ApplicationScoped
public class DirectDatabase {

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    /** Rows with this producer id. */
    @Transactional
    public int alertRows(String alertId) {
        return em.createNamedQuery(Alert.BY_ALERT_ID, Alert.class)
                .setParameter("alertId", alertId)
                .getResultList()
                .size();
    }

    /** A pending delivery of the alert, due at {@code due}, written straight into the outbox. */
    @Transactional
    public void insertDelivery(long alertSeq, String alertId, String tenant, String recipient, Instant due) {
        em.persist(new Delivery(
                alertSeq, alertId, tenant, Channel.EMAIL, recipient, DeliveryStatus.PENDING, 0, Instant.now(), due));
    }

    /** Removes an alert's deliveries (those a test wrote far in the future must not stay behind). */
    @Transactional
    public int deleteDeliveries(String alertId) {
        return em.createNativeQuery("DELETE FROM deliveries WHERE alert_id = ?1")
                .setParameter(1, alertId)
                .executeUpdate();
    }

    /** A membership written straight into the table, so that no cache hears of it. */
    @Transactional
    public void insertMembership(String user, String tenant) {
        em.createNativeQuery("INSERT INTO tenant_memberships (user_id, tenant_id, created_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, user)
                .setParameter(2, tenant)
                .setParameter(3, Timestamp.from(Instant.now()))
                .executeUpdate();
    }
}
