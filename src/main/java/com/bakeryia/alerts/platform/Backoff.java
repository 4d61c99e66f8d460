package com.bakeryia.alerts.platform;

import java.time.Duration;

/**
 * How long a background loop waits before trying an unreachable service again: {@link #INITIAL}
 * after the first failure, doubling with every further one up to {@link #MAX}, back to nothing once
 * it works. Used by one thread at a time.
 */
public final class Backoff {

    public static final Duration INITIAL = Duration.ofMillis(500);
    public static final Duration MAX = Duration.ofSeconds(30);

    private long delayMillis;

    /** A failure: how long to wait now (and the next wait doubles). */
    public long failedMillis() {
        delayMillis = delayMillis == 0 ? INITIAL.toMillis() : Math.min(delayMillis * 2, MAX.toMillis());
        return delayMillis;
    }

    /** The service works again. */
    public void succeeded() {
        delayMillis = 0;
    }

    /** The wait the last failure asked for; 0 while things work. */
    public long currentMillis() {
        return delayMillis;
    }

    /** Whether this is the first failure after a success (the one worth a warning). */
    public boolean firstFailure() {
        return delayMillis == INITIAL.toMillis();
    }
}
