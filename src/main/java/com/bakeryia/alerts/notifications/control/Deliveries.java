package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.Delivery;
import com.bakeryia.alerts.store.control.AlertStore;
import com.bakeryia.alerts.store.entity.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads an alert's deliveries, and which tenant the alert belongs to. */
@ApplicationScoped
public class Deliveries {

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Inject
    AlertStore alerts;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> tenantOf(String alertId) {
        return alerts.byAlertId(alertId).map(Alert::tenantId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> of(String alertId) {
        return em.createNamedQuery(Delivery.OF_ALERT, Delivery.class)
                .setParameter("alertId", alertId)
                .getResultList();
    }
}
