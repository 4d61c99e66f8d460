package com.bakeryia.alerts.store.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum Severity {
    URGENT,
    HIGH,
    MEDIUM,
    LOW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
