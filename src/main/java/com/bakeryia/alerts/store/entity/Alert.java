package com.bakeryia.alerts.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A stored alert. {@code seq} identifies the row; {@code alertId} is the producer's id, unique, so a
 * redelivered message is recognised and stored once; {@code position} is its place in the stream
 * (the SSE cursor), given after commit by the fan-out relay in the order positions become visible.
 */
@Entity
@Table(name = "alerts", uniqueConstraints = @UniqueConstraint(name = "alerts_alert_id_key", columnNames = "alert_id"))
@NamedQuery(name = Alert.BY_ALERT_ID, query = "SELECT a FROM Alert a WHERE a.alertId = :alertId")
@NamedQuery(
        name = Alert.RECENT_FOR_TENANTS,
        query = "SELECT a FROM Alert a WHERE a.tenantId IN :tenants ORDER BY a.seq DESC")
public class Alert {

    public static final String BY_ALERT_ID = "Alert.byAlertId";
    public static final String RECENT_FOR_TENANTS = "Alert.recentForTenants";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(name = "alert_id", nullable = false, length = 64)
    private String alertId;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_type", nullable = false, length = 16)
    private ItemType itemType;

    @Column(nullable = false, length = 32)
    private String service;

    @Column(name = "alert_type", nullable = false, length = 64)
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Severity severity;

    @Column(nullable = false, length = 500)
    private String title;

    @Lob
    @Column(name = "body")
    private String message;

    /** JSON array of strings, as received. */
    @Lob
    @Column(name = "actions_json")
    private String actionsJson;

    /** JSON object, as received. */
    @Lob
    @Column(name = "metadata_json")
    private String metadataJson;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    /** The alert's place in the stream, the SSE cursor; null until the relay gives it one. */
    @Column(name = "stream_position")
    private Long position;

    @Column(name = "positioned_at")
    private Instant positionedAt;

    /** When the alert went out on the fan-out; null until then. */
    @Column(name = "published_at")
    private Instant publishedAt;

    protected Alert() {}

    public Alert(
            String alertId,
            String tenantId,
            ItemType itemType,
            String service,
            String type,
            Severity severity,
            String title,
            String message,
            String actionsJson,
            String metadataJson,
            Instant occurredAt) {
        this.alertId = alertId;
        this.tenantId = tenantId;
        this.itemType = itemType;
        this.service = service;
        this.type = type;
        this.severity = severity;
        this.title = title;
        this.message = message;
        this.actionsJson = actionsJson;
        this.metadataJson = metadataJson;
        this.occurredAt = occurredAt;
    }

    public void markStored(Instant when) {
        this.storedAt = when;
    }

    public void position(long position, Instant when) {
        this.position = position;
        this.positionedAt = when;
    }

    /** @return the stream position, or null before the relay gave one */
    public Long position() {
        return position;
    }

    public Long seq() {
        return seq;
    }

    public String alertId() {
        return alertId;
    }

    public String tenantId() {
        return tenantId;
    }

    public ItemType itemType() {
        return itemType;
    }

    public String service() {
        return service;
    }

    public String type() {
        return type;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String message() {
        return message;
    }

    public String actionsJson() {
        return actionsJson;
    }

    public String metadataJson() {
        return metadataJson;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant storedAt() {
        return storedAt;
    }
}
