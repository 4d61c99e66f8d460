package com.bakeryia.alerts.notifications.control;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per tenant: up to {@code perMinute} messages in a burst, refilled evenly over the
 * minute. One tenant's flood waits in its own bucket and does not use up the account's Twilio
 * limits for everyone else. Per server: with N servers a tenant may send up to N times as much.
 */
public final class TenantRateLimits {

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TenantRateLimits(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** @return empty when the tenant may send now (and a token is taken), else how long to wait */
    public Optional<Duration> acquire(String tenant) {
        return buckets.computeIfAbsent(tenant, t -> new Bucket(perMinute, nanoTime.getAsLong()))
                .take(perMinute, nanoTime.getAsLong());
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized Optional<Duration> take(int perMinute, long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
        }
    }
}
