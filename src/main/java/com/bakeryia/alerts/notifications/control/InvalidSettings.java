package com.bakeryia.alerts.notifications.control;

/** A settings document that cannot be accepted; the message names the field. */
public class InvalidSettings extends RuntimeException {

    private final String code;
    private final String field;

    InvalidSettings(String code, String field, String message) {
        super(field + ": " + message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
