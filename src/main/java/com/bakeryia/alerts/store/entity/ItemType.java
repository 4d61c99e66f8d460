package com.bakeryia.alerts.store.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An {@code alert} streams as {@code <service>_alert}; a {@code notification} as {@code notification}. */
public enum ItemType {
    ALERT,
    NOTIFICATION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ItemType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
    }
}
