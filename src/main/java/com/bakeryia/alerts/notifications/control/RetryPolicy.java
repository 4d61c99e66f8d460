package com.bakeryia.alerts.notifications.control;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential back-off from {@code base} (doubling per attempt,
 * capped at {@code max}), with jitter so that deliveries that failed together do not retry together;
 * a {@code Retry-After} from the other side is honoured as the least wait. After {@code maxAttempts}
 * the delivery has failed for good.
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts, DoubleSupplier random) {

    public static RetryPolicy of(Duration base, Duration max, int maxAttempts) {
        return new RetryPolicy(
                base, max, maxAttempts, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param attempts the attempts made so far, this failed one included (from 1) */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /**
     * The wait after the {@code attempts}-th failed attempt: between half and all of
     * {@code base × 2^(attempts-1)} (capped), and never less than {@code retryAfter}.
     */
    public Duration delay(int attempts, Duration retryAfter) {
        long exponential = base.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
        long capped = Math.min(exponential, max.toMillis());
        long jittered = capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2));
        long floor = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
