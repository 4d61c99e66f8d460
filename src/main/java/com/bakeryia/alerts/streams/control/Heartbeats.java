package com.bakeryia.alerts.streams.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends {@code heartbeat} to every stream at a fixed interval ({@code HEARTBEAT_INTERVAL_SECONDS},
 * 15 s by default: well under proxy idle timeouts, and the way dead connections are found), and
 * every second closes the streams whose write has hung past the write timeout.
 */
@ApplicationScoped
public class Heartbeats {

    private static final Logger LOG = Logger.getLogger(Heartbeats.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    OpenStreams streams;

    @Inject
    @ConfigProperty(name = "heartbeat.interval.seconds", defaultValue = "15")
    int intervalSeconds;

    private ScheduledFuture<?> task;
    private ScheduledFuture<?> sweep;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("heartbeat.interval.seconds must be at least 1, was " + intervalSeconds);
        }
        streams.count(); // creates the register now, so its gauges are there before any stream
        task = scheduler.scheduleAtFixedRate(this::beat, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        sweep = scheduler.scheduleWithFixedDelay(this::closeStalled, 1, 1, TimeUnit.SECONDS);
        LOG.info(() -> "Heartbeats every " + intervalSeconds + " s");
    }

    private void beat() {
        try {
            streams.heartbeat();
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again; keep beating.
            LOG.log(Level.WARNING, "Heartbeat round failed", e);
        }
    }

    private void closeStalled() {
        try {
            streams.closeStalled();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping stalled streams failed", e);
        }
    }

    public int intervalSeconds() {
        return intervalSeconds;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        if (sweep != null) {
            sweep.cancel(false);
        }
    }
}
