package com.bakeryia.alerts.store.control;

/**
 * Takes a message that can never succeed off the alerts queue at once and keeps it, with its
 * reason, on the dead-letter queue. Properties/headers {@link #REASON_CODE} and {@link #REASON}.
 */
public interface DeadLetters {

    String REASON_CODE = "x_reason_code";
    String REASON = "x_reason";

    void send(byte[] body, String code, String reason);
}
