package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.NotificationSettings;
import com.bakeryia.alerts.notifications.entity.TenantNotificationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Each tenant's notification settings in the database; a tenant that has stored none gets the defaults. */
@ApplicationScoped
public class TenantSettings {

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Inject
    Clock clock;

    /** The stored row, if the tenant has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TenantNotificationSettings> stored(String tenant) {
        return Optional.ofNullable(em.find(TenantNotificationSettings.class, tenant));
    }

    /** The settings in force for the tenant. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationSettings of(String tenant) {
        return stored(tenant).map(row -> SettingsJson.parse(row.json())).orElse(NotificationSettings.DEFAULTS);
    }

    /** Replaces the tenant's settings (already validated) with {@code settings}. */
    @Transactional
    public TenantNotificationSettings replace(String tenant, NotificationSettings settings, String by) {
        TenantNotificationSettings row = em.find(TenantNotificationSettings.class, tenant);
        if (row == null) {
            row = new TenantNotificationSettings(tenant);
            row.replace(SettingsJson.write(settings).toString(), by, clock.instant());
            em.persist(row);
        } else {
            row.replace(SettingsJson.write(settings).toString(), by, clock.instant());
        }
        return row;
    }
}
