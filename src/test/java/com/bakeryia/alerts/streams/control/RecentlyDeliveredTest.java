package com.bakeryia.alerts.streams.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentlyDeliveredTest {

    @Test
    void remembersTheLastCursorsAndForgetsTheOldest() {
        RecentlyDelivered delivered = new RecentlyDelivered(3);
        assertTrue(delivered.add(1));
        assertFalse(delivered.add(1), "a repeat is refused");
        assertTrue(delivered.add(2));
        assertTrue(delivered.add(3));
        assertTrue(delivered.add(4));
        assertTrue(delivered.add(1), "the oldest was forgotten");
        assertFalse(delivered.add(4));
    }
}
