package com.bakeryia.alerts.notifications.entity;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Hours in the tenant's time zone when email and WhatsApp wait (urgent alerts excepted). The span
 * may cross midnight ({@code 22:00}–{@code 06:00}); {@code from} is inside it, {@code to} is not.
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    public QuietHours {
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    /** @return when the quiet hours that hold {@code now} end, or empty when {@code now} is outside them */
    public Optional<Instant> endAfter(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean inside = from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime end = local.toLocalDate().atTime(to).atZone(zone);
        if (!end.toInstant().isAfter(now)) {
            end = local.toLocalDate().plusDays(1).atTime(to).atZone(zone);
        }
        return Optional.of(end.toInstant());
    }
}
