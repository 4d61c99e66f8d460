package com.bakeryia.alerts.notifications.entity;

import java.util.Locale;

/**
 * Where a delivery stands. {@link #PENDING} and {@link #HELD} are still to be sent (held: waiting
 * for the tenant's quiet hours to end); the others are final.
 */
public enum DeliveryStatus {
    PENDING,
    HELD,
    SENT,
    FAILED,
    /** Grouped with an earlier alert of the same fingerprint inside the group window. */
    SUPPRESSED,
    /** The channel has no transport configured on this deployment (no SMTP_HOST, no Twilio account). */
    NOT_CONFIGURED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean toSend() {
        return this == PENDING || this == HELD;
    }
}
