package com.bakeryia.alerts.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleFromHalfASecondUpToThirtySecondsAndStartOverAfterASuccess() {
        Backoff backoff = new Backoff();
        assertEquals(0, backoff.currentMillis());
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            waits.add(backoff.failedMillis());
        }
        assertEquals(List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L), waits);
        backoff.succeeded();
        assertEquals(0, backoff.currentMillis());
        assertEquals(500, backoff.failedMillis());
    }

    @Test
    void onlyTheFirstFailureAfterASuccessIsTheFirst() {
        Backoff backoff = new Backoff();
        backoff.failedMillis();
        assertTrue(backoff.firstFailure());
        backoff.failedMillis();
        assertFalse(backoff.firstFailure());
    }
}
