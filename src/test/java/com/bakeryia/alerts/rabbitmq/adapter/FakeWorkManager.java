package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkCompletedException;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's WorkManager: doWork runs the work on the caller's thread (as a server may),
 * startWork and scheduleWork on a thread pool. Can be told to reject work.
 */
public final class FakeWorkManager implements WorkManager, AutoCloseable {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "fake-work-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean rejecting;
    public final AtomicInteger done = new AtomicInteger();
    public final AtomicInteger scheduled = new AtomicInteger();
    public final AtomicInteger rejected = new AtomicInteger();

    public void rejecting(boolean rejecting) {
        this.rejecting = rejecting;
    }

    @Override
    public void doWork(Work work) throws WorkException {
        doWork(work, INDEFINITE, null, null);
    }

    @Override
    public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        rejectIfRejecting();
        done.incrementAndGet();
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            throw new WorkCompletedException(e);
        }
    }

    @Override
    public long startWork(Work work) throws WorkException {
        scheduleWork(work);
        return 0;
    }

    @Override
    public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        scheduleWork(work);
        return 0;
    }

    @Override
    public void scheduleWork(Work work) throws WorkException {
        rejectIfRejecting();
        scheduled.incrementAndGet();
        try {
            pool.execute(work);
        } catch (RejectedExecutionException e) {
            throw new WorkRejectedException(e);
        }
    }

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        scheduleWork(work);
    }

    private void rejectIfRejecting() throws WorkRejectedException {
        if (rejecting) {
            rejected.incrementAndGet();
            throw new WorkRejectedException("No threads left (fake)");
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
