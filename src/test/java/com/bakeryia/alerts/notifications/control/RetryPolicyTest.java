package com.bakeryia.alerts.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Back-off between delivery attempts, with the randomness injected. */
class RetryPolicyTest {

    static final Duration BASE = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(5);

    static RetryPolicy withRandom(double value) {
        return new RetryPolicy(BASE, MAX, 8, () -> value);
    }

    /** A random source just below 1, the top of {@code nextDouble()}'s range. */
    static final double ALMOST_ONE = Math.nextDown(1.0);

    @Test
    void theWaitDoublesWithEveryAttemptUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(BASE, MAX, 8, () -> 1.0);
        List<Duration> waits = new ArrayList<>();
        for (int attempts = 1; attempts <= 8; attempts++) {
            waits.add(policy.delay(attempts, null));
        }
        assertEquals(
                List.of(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(80),
                        Duration.ofSeconds(160),
                        Duration.ofSeconds(300),
                        Duration.ofSeconds(300),
                        Duration.ofSeconds(300)),
                waits);
    }

    @Test
    void aHugeAttemptCountStaysAtTheCapWithoutOverflowing() {
        RetryPolicy policy = new RetryPolicy(Duration.ofHours(1), Duration.ofHours(6), 1_000, () -> 1.0);
        assertEquals(Duration.ofHours(6), policy.delay(64, null));
        assertEquals(Duration.ofHours(6), policy.delay(Integer.MAX_VALUE, null));
    }

    @Test
    void jitterKeepsTheWaitBetweenHalfAndAllOfTheExponentialStep() {
        for (int attempts = 1; attempts <= 10; attempts++) {
            long step = Math.min(BASE.toMillis() << (attempts - 1), MAX.toMillis());
            assertEquals(
                    Duration.ofMillis(step / 2), withRandom(0.0).delay(attempts, null), "lowest, attempt " + attempts);
            Duration highest = withRandom(ALMOST_ONE).delay(attempts, null);
            assertTrue(highest.toMillis() <= step && highest.toMillis() >= step - 1, "highest, attempt " + attempts);
            assertEquals(Duration.ofMillis(step / 2 + step / 4), withRandom(0.5).delay(attempts, null));
        }
    }

    @Test
    void twoDeliveriesThatFailedTogetherDoNotRetryTogether() {
        assertTrue(withRandom(0.1).delay(3, null).compareTo(withRandom(0.9).delay(3, null)) < 0);
    }

    @Test
    void retryAfterIsTheLeastWait() {
        RetryPolicy policy = withRandom(0.0); // would wait 5 s after the first attempt
        assertEquals(Duration.ofSeconds(30), policy.delay(1, Duration.ofSeconds(30)), "longer than the back-off");
        assertEquals(Duration.ofSeconds(5), policy.delay(1, Duration.ofSeconds(2)), "shorter: the back-off stands");
        assertEquals(Duration.ofSeconds(5), policy.delay(1, Duration.ZERO));
        assertEquals(
                Duration.ofHours(2),
                policy.delay(20, Duration.ofHours(2)),
                "the other side's Retry-After is honoured even beyond our own cap");
    }

    @Test
    void exhaustedAfterTheLastAllowedAttempt() {
        RetryPolicy policy = RetryPolicy.of(BASE, MAX, 3);
        assertFalse(policy.exhausted(1));
        assertFalse(policy.exhausted(2));
        assertTrue(policy.exhausted(3));
        assertTrue(policy.exhausted(4));
    }

    @Test
    void theDefaultRandomStaysWithinTheBounds() {
        RetryPolicy policy = RetryPolicy.of(BASE, MAX, 8);
        for (int i = 0; i < 1_000; i++) {
            long wait = policy.delay(2, null).toMillis();
            assertTrue(wait >= 10_000 && wait <= 20_000, wait + " ms");
        }
    }
}
