package com.bakeryia.alerts.store.control;

/** The broker did not take a message (down, refused, or no confirmation in time). */
public class QueueUnavailable extends RuntimeException {

    public QueueUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
