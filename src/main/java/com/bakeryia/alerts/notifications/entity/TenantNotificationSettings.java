package com.bakeryia.alerts.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tenant's stored settings: the JSON document the settings API accepted (validated before it is
 * stored, so reading it back cannot fail), who changed it last and when.
 */
@Entity
@Table(name = "notification_settings")
public class TenantNotificationSettings {

    @Id
    @Column(name = "tenant_id", length = 64)
    private String tenantId;

    @Lob
    @Column(name = "settings_json", nullable = false)
    private String json;

    @Column(name = "updated_by", length = 128)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenantNotificationSettings() {}

    public TenantNotificationSettings(String tenantId) {
        this.tenantId = tenantId;
    }

    public void replace(String json, String by, Instant when) {
        this.json = json;
        this.updatedBy = by;
        this.updatedAt = when;
    }

    public String tenantId() {
        return tenantId;
    }

    public String json() {
        return json;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
