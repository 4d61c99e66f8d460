package com.bakeryia.alerts.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        Backoff backoff = new Backoff(1_000, 60_000);
        assertEquals(0, backoff.delayAfter(0));
        assertEquals(1_000, backoff.delayAfter(1));
        assertEquals(2_000, backoff.delayAfter(2));
        assertEquals(4_000, backoff.delayAfter(3));
        assertEquals(32_000, backoff.delayAfter(6));
        assertEquals(60_000, backoff.delayAfter(7));
        assertEquals(60_000, backoff.delayAfter(8));
    }

    @Test
    void neverOverflowsHoweverManyFailures() {
        assertEquals(Long.MAX_VALUE, new Backoff(3, Long.MAX_VALUE).delayAfter(Integer.MAX_VALUE));
        assertEquals(90_000, new Backoff(1, 90_000).delayAfter(Integer.MAX_VALUE));
        assertEquals(5, new Backoff(5, 5).delayAfter(1_000));
    }

    @Test
    void rejectsAnEmptyOrInvertedRange() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 9));
    }
}
