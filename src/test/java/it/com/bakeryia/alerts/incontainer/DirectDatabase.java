package it.com.bakeryia.alerts.incontainer;

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
