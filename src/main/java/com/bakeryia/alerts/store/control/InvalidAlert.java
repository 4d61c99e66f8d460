package com.bakeryia.alerts.store.control;

/**
 * An alert that can never be accepted as it is: malformed, incomplete or too large. The code is
 * stable (clients and dead-letter readers may match on it); the message names the problem.
 */
public class InvalidAlert extends Exception {

    private final String code;

    public InvalidAlert(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
