package com.bakeryia.alerts.streams.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The limits of event streams; each is a MicroProfile Config key, overridable from the environment. */
@ApplicationScoped
public class StreamSettings {

    /** Events a connection may have waiting to be written before it is cut as a slow consumer. */
    @Inject
    @ConfigProperty(name = "streams.send.queue.max", defaultValue = "1000")
    int sendQueueMax;

    /** A single write that does not finish within this many seconds cuts the connection. */
    @Inject
    @ConfigProperty(name = "streams.write.timeout.seconds", defaultValue = "30")
    int writeTimeoutSeconds;

    /** Threads that write to streams at most at once (a write the network cannot take parks without one). */
    @Inject
    @ConfigProperty(name = "streams.writer.threads", defaultValue = "64")
    int writerThreads;

    @Inject
    @ConfigProperty(name = "streams.per.user.max", defaultValue = "10")
    int perUserMax;

    @Inject
    @ConfigProperty(name = "streams.per.tenant.max", defaultValue = "10000")
    int perTenantMax;

    /** How many recent alerts follow a {@code resync} event. */
    @Inject
    @ConfigProperty(name = "streams.resume.window", defaultValue = "100")
    int resumeWindow;

    /** A cursor older than this many hours is too old to resume from. */
    @Inject
    @ConfigProperty(name = "streams.resume.max.age.hours", defaultValue = "24")
    int resumeMaxAgeHours;

    /** A resume that would replay more than this many alerts gets a {@code resync} instead. */
    @Inject
    @ConfigProperty(name = "streams.resume.max.events", defaultValue = "10000")
    int resumeMaxEvents;

    /**
     * The services whose {@code <service>_alert} event names the {@code connection} event announces,
     * so that a browser's EventSource (which needs every name up front) can listen for them.
     */
    @Inject
    @ConfigProperty(
            name = "alert.services",
            defaultValue = "inventory,production,orders,procurement,sales,"
                    + "forecasting,pos,recipes,suppliers,distribution,orchestrator,notification_service")
    List<String> alertServices;

    public List<String> eventNames() {
        List<String> names = new ArrayList<>();
        alertServices.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(s -> names.add(s + "_alert"));
        names.add("notification");
        return names;
    }

    public int sendQueueMax() {
        return sendQueueMax;
    }

    public Duration writeTimeout() {
        return Duration.ofSeconds(writeTimeoutSeconds);
    }

    public int writerThreads() {
        return writerThreads;
    }

    public int perUserMax() {
        return perUserMax;
    }

    public int perTenantMax() {
        return perTenantMax;
    }

    public int resumeWindow() {
        return resumeWindow;
    }

    public Duration resumeMaxAge() {
        return Duration.ofHours(resumeMaxAgeHours);
    }

    public int resumeMaxEvents() {
        return resumeMaxEvents;
    }
}
