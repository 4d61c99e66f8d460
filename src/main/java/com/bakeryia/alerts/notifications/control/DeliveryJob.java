package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.store.entity.Severity;
import java.time.Instant;

/**
 * A claimed delivery on its way to a transport: everything the message needs, read in the claiming
 * transaction, so a sender touches no database.
 *
 * @param attempt the number of this attempt, from 1
 * @param suppressedBefore alerts of the same group suppressed since the last notification
 */
public record DeliveryJob(
        long deliveryId,
        Channel channel,
        String recipient,
        String tenantId,
        String alertId,
        Severity severity,
        String title,
        String message,
        int suppressedBefore,
        int attempt,
        Instant storedAt) {}
