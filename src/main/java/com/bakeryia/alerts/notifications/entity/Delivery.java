package com.bakeryia.alerts.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * One notification of one alert to one recipient on one channel: the outbox row. Written in the
 * alert's own transaction, so an alert is never stored without its deliveries; sent by whichever
 * server claims it (its lease is {@code claimedUntil}); {@code dueAt} is set while something is
 * still to be tried.
 */
@Entity
@Table(name = "deliveries")
@NamedQuery(
        name = Delivery.OF_ALERT,
        query = "SELECT d FROM Delivery d WHERE d.alertId = :alertId ORDER BY d.channel, d.recipient")
public class Delivery {

    public static final String OF_ALERT = "Delivery.ofAlert";
    static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "alert_seq", nullable = false)
    private long alertSeq;

    @Column(name = "alert_id", nullable = false, length = 64)
    private String alertId;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false, length = 16)
    private String channel;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "suppressed_before", nullable = false)
    private int suppressedBefore;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected Delivery() {}

    /**
     * @param dueAt when to send; ignored unless the status is one that is still to be sent
     */
    public Delivery(
            long alertSeq,
            String alertId,
            String tenantId,
            Channel channel,
            String recipient,
            DeliveryStatus status,
            int suppressedBefore,
            Instant createdAt,
            Instant dueAt) {
        this.alertSeq = alertSeq;
        this.alertId = alertId;
        this.tenantId = tenantId;
        this.channel = channel.wireName();
        this.recipient = recipient;
        this.status = status.wireName();
        this.suppressedBefore = suppressedBefore;
        this.createdAt = createdAt;
        this.dueAt = status.toSend() ? dueAt : null;
    }

    /** Taken by one server, which owns it until {@code until} (after that another may take it). */
    public void claim(Instant until) {
        claimedUntil = until;
    }

    /** Sent: nothing more to try. */
    public void sent(Instant when) {
        attempts++;
        status = DeliveryStatus.SENT.wireName();
        sentAt = when;
        lastError = null;
        dueAt = null;
        claimedUntil = null;
    }

    /** A failed attempt that is worth another one at {@code next}. */
    public void retryAt(Instant next, String error) {
        attempts++;
        status = DeliveryStatus.PENDING.wireName();
        lastError = truncated(error);
        dueAt = next;
        claimedUntil = null;
    }

    /** Not sent now and not an attempt (a rate limit, a shutdown): tried again at {@code next}. */
    public void deferTo(Instant next) {
        dueAt = next;
        claimedUntil = null;
    }

    /** Failed for good: a rejected request, or the last allowed attempt. */
    public void failed(String error) {
        attempts++;
        status = DeliveryStatus.FAILED.wireName();
        lastError = truncated(error);
        dueAt = null;
        claimedUntil = null;
    }

    private static String truncated(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public long alertSeq() {
        return alertSeq;
    }

    public String alertId() {
        return alertId;
    }

    public String tenantId() {
        return tenantId;
    }

    public Channel channel() {
        return Channel.valueOf(channel.toUpperCase(Locale.ROOT));
    }

    public String recipient() {
        return recipient;
    }

    public DeliveryStatus status() {
        return DeliveryStatus.valueOf(status.toUpperCase(Locale.ROOT));
    }

    public int suppressedBefore() {
        return suppressedBefore;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant claimedUntil() {
        return claimedUntil;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
