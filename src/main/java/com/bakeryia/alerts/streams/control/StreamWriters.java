package com.bakeryia.alerts.streams.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that write to streams. Threads of a managed thread factory carry the application's
 * context from their start, so a write task does not capture and restore it each time (as a managed
 * executor's task does: measured at 10,000 tasks/s in the benchmark). Up to
 * {@code streams.writer.threads} run at once; idle ones end after a minute; all stop with the
 * application.
 */
@ApplicationScoped
public class StreamWriters {

    @Inject
    StreamSettings settings;

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor writers;

    @PostConstruct
    void start() {
        writers = new ThreadPoolExecutor(
                settings.writerThreads(),
                settings.writerThreads(),
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                threads);
        writers.allowCoreThreadTimeOut(true);
    }

    /**
     * The pool itself, not this bean: a stream keeps it and, once the application stops, gets the
     * pool's {@link java.util.concurrent.RejectedExecutionException} rather than a context error.
     */
    public Executor executor() {
        return writers;
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }
}
