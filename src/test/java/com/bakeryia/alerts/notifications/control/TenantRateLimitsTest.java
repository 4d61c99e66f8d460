package com.bakeryia.alerts.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-tenant token bucket, on a clock the test moves by hand. */
class TenantRateLimitsTest {

    /** A {@code System::nanoTime} stand-in that starts far from zero, as the real one may. */
    static final class FakeNanoTime {
        long now = 123_456_789_000L;

        long get() {
            return now;
        }

        void advance(Duration by) {
            now += by.toNanos();
        }
    }

    final FakeNanoTime time = new FakeNanoTime();

    @Test
    void aBurstUpToTheCapacityGoesAtOnceAndTheNextWaitsForOneTokenToRefill() {
        TenantRateLimits limits = new TenantRateLimits(60, time::get);
        for (int i = 0; i < 60; i++) {
            assertEquals(Optional.empty(), limits.acquire("centro"), "message " + (i + 1) + " of the burst");
        }
        // 60 a minute: one token a second.
        assertEquals(Optional.of(Duration.ofSeconds(1)), limits.acquire("centro"));
        time.advance(Duration.ofMillis(250));
        assertEquals(Optional.of(Duration.ofMillis(750)), limits.acquire("centro"));
    }

    @Test
    void aWaitThatIsWaitedOutIsEnoughAndNotMore() {
        TenantRateLimits limits = new TenantRateLimits(6, time::get); // one token every 10 s
        for (int i = 0; i < 6; i++) {
            assertEquals(Optional.empty(), limits.acquire("centro"));
        }
        Duration wait = limits.acquire("centro").orElseThrow();
        assertEquals(Duration.ofSeconds(10), wait);
        time.advance(wait.minusNanos(1));
        assertTrue(limits.acquire("centro").isPresent(), "a nanosecond early is too early");
        time.advance(Duration.ofNanos(1));
        assertEquals(Optional.empty(), limits.acquire("centro"));
        assertTrue(limits.acquire("centro").isPresent(), "that token was the only one");
    }

    @Test
    void theBucketRefillsEvenlyAndNeverBeyondItsCapacity() {
        TenantRateLimits limits = new TenantRateLimits(60, time::get);
        for (int i = 0; i < 60; i++) {
            limits.acquire("centro");
        }
        time.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 30; i++) {
            assertEquals(Optional.empty(), limits.acquire("centro"), "half a minute refills half the bucket");
        }
        assertTrue(limits.acquire("centro").isPresent());

        time.advance(Duration.ofHours(1));
        for (int i = 0; i < 60; i++) {
            assertEquals(Optional.empty(), limits.acquire("centro"), "an idle hour refills the bucket");
        }
        assertTrue(limits.acquire("centro").isPresent(), "but only up to its capacity");
    }

    @Test
    void tenantsHaveBucketsOfTheirOwn() {
        TenantRateLimits limits = new TenantRateLimits(3, time::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limits.acquire("centro"));
        }
        assertTrue(limits.acquire("centro").isPresent(), "centro used its burst");
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limits.acquire("norte"), "norte is not held back by centro's flood");
        }
        assertTrue(limits.acquire("norte").isPresent());
        assertEquals(
                TimeUnit.SECONDS.toNanos(20),
                limits.acquire("centro").orElseThrow().toNanos());
    }

    @Test
    void aRefusedAttemptDoesNotUseUpATokenNorPushTheWaitBack() {
        TenantRateLimits limits = new TenantRateLimits(60, time::get);
        for (int i = 0; i < 60; i++) {
            limits.acquire("centro");
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of(Duration.ofSeconds(1)), limits.acquire("centro"));
        }
        time.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), limits.acquire("centro"));
    }
}
