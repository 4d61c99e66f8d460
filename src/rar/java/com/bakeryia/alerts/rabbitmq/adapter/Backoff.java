package com.bakeryia.alerts.rabbitmq.adapter;

/**
 * How long to wait before the next reconnection attempt: {@code initialMillis} after the first
 * failure, doubling with each further one, never more than {@code maxMillis}. Doubling finds a
 * broker that is back within a second or two after a blip, yet a long outage costs only one
 * attempt per {@code maxMillis} per consumer, instead of a storm of connections when it ends.
 */
record Backoff(long initialMillis, long maxMillis) {

    Backoff {
        if (initialMillis < 1 || maxMillis < initialMillis) {
            throw new IllegalArgumentException(
                    "Backoff needs 1 <= initialMillis <= maxMillis, got " + initialMillis + " and " + maxMillis);
        }
    }

    /**
     * The wait after {@code failures} consecutive failures (1 = the first). Doubling stops at
     * {@code maxMillis} before it could overflow, however many failures there were.
     */
    long delayAfter(int failures) {
        if (failures < 1) {
            return 0;
        }
        long delay = initialMillis;
        for (int i = 1; i < failures && delay < maxMillis; i++) {
            delay = delay > maxMillis / 2 ? maxMillis : delay * 2;
        }
        return Math.min(delay, maxMillis);
    }
}
