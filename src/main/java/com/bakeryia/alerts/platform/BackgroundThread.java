package com.bakeryia.alerts.platform;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

/** One long-running loop of this server on a managed thread: started once, stopped by interrupting it. */
public final class BackgroundThread {

    private final String name;
    private volatile boolean running;
    private Thread thread;

    public BackgroundThread(String name) {
        this.name = name;
    }

    public synchronized void start(ManagedThreadFactory threads, Runnable loop) {
        if (thread != null) {
            return;
        }
        running = true;
        thread = threads.newThread(loop);
        thread.setName(name);
        thread.start();
    }

    /** Whether the loop should go on. */
    public boolean running() {
        return running;
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
