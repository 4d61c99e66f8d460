package com.bakeryia.alerts.rabbitmq.adapter;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** What one consumer session has been doing: messages received, and whether one is being delivered. */
final class Activity {

    private final AtomicLong received = new AtomicLong();
    private final AtomicBoolean busy = new AtomicBoolean();

    void started() {
        received.incrementAndGet();
        busy.set(true);
    }

    void finished() {
        busy.set(false);
    }

    long received() {
        return received.get();
    }

    boolean busy() {
        return busy.get();
    }
}
