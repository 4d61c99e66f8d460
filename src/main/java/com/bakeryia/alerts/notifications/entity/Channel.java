package com.bakeryia.alerts.notifications.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A way to reach a person away from the dashboard. */
public enum Channel {
    EMAIL,
    WHATSAPP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(value)).findFirst();
    }
}
