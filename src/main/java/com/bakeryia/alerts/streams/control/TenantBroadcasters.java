package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.alerts.entity.StoredAlert;
import com.bakeryia.alerts.auth.control.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * One {@link SseBroadcaster} per tenant, and the register of open streams on this server. A stream
 * of several tenants is registered with each of their broadcasters; an alert goes to its tenant's
 * broadcaster only, so no stream sees another tenant's alert or the same alert twice.
 *
 * <p>A client that went away is noticed only when a write to it fails; heartbeats make sure a write
 * happens, and a failed write removes the stream everywhere.
 */
@ApplicationScoped
public class TenantBroadcasters {

    private static final Logger LOG = Logger.getLogger(TenantBroadcasters.class.getName());

    /** Reconnect delays are spread over this window so that clients of a restarted server return gradually. */
    static final int RETRY_MIN_MILLIS = 1_000;
    static final int RETRY_MAX_MILLIS = 5_000;
    /** How many delivered alerts are remembered, so one that arrives twice is streamed once. */
    static final int RECENT_DELIVERIES = 20_000;

    /** Per tenant, one audience per distinct filter (the unfiltered one is the tenant's broadcaster). */
    private final ConcurrentMap<String, ConcurrentMap<String, Audience>> byTenant = new ConcurrentHashMap<>();
    private final ConcurrentMap<SseEventSink, OpenStream> streams = new ConcurrentHashMap<>();
    private final RecentlyDelivered delivered = new RecentlyDelivered(RECENT_DELIVERIES);
    private volatile Sse sse;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    record OpenStream(String user, Instant openedAt, List<Membership> memberships, Future<?> expiry) {
    }

    /** The streams of one tenant that asked for the same filter, and their broadcaster. */
    static final class Audience {
        final StreamFilter filter;
        final SseBroadcaster broadcaster;
        /** Changed only inside the tenant map's compute, which serialises it per filter. */
        int members;

        Audience(StreamFilter filter, SseBroadcaster broadcaster) {
            this.filter = filter;
            this.broadcaster = broadcaster;
        }
    }

    record Membership(String tenant, Audience audience) {
    }

    @PostConstruct
    void registerGauges() {
        metrics.gauge("sse.streams.open", this, TenantBroadcasters::openStreams);
        metrics.gauge("sse.tenants.active", this, b -> b.byTenant.values().stream().filter(m -> !m.isEmpty()).count());
    }

    /**
     * Greets the client with a {@code connection} event, then subscribes it to its tenants' alerts
     * that pass its filter.
     */
    public void open(Sse sse, SseEventSink sink, Caller caller, Set<String> tenants, StreamFilter filter,
                     int heartbeatSeconds) {
        this.sse = sse;
        OutboundSseEvent hello = sse.newEventBuilder()
                .name("connection")
                .reconnectDelay(ThreadLocalRandom.current().nextInt(RETRY_MIN_MILLIS, RETRY_MAX_MILLIS + 1))
                .data(Json.createObjectBuilder()
                        .add("user", caller.user())
                        .add("tenants", Json.createArrayBuilder(tenants))
                        .add("server_time", Instant.now().toString())
                        .add("heartbeat_seconds", heartbeatSeconds)
                        .build().toString())
                .build();
        // The greeting is the stream's first write: only then do heartbeats and alerts see the sink,
        // so nothing can precede it, and no two threads race to start the response.
        sink.send(hello).whenComplete((ignored, failure) -> {
            if (failure != null) {
                closeQuietly(sink);
            } else {
                register(sink, caller, tenants, filter);
            }
        });
    }

    private void register(SseEventSink sink, Caller caller, Set<String> tenants, StreamFilter filter) {
        List<Membership> memberships = tenants.stream().map(t -> new Membership(t, join(t, filter))).toList();
        streams.put(sink, new OpenStream(caller.user(), Instant.now(), memberships, null));
        Future<?> expiry = scheduleExpiry(sink, caller);
        if (expiry != null) {
            streams.computeIfPresent(sink, (s, open) ->
                    new OpenStream(open.user(), open.openedAt(), open.memberships(), expiry));
        }
        memberships.forEach(m -> m.audience().broadcaster.register(sink));
    }

    /**
     * Sends a stored alert to every open stream of its tenant on this server, once: the fan-out
     * delivers at least once (a relay retried, a catch-up after an outage), this makes it once.
     */
    public void deliver(StoredAlert alert) {
        if (!delivered.add(alert.seq())) {
            return;
        }
        Sse current = sse;
        Map<String, Audience> audiences = byTenant.get(alert.tenantId());
        if (current == null || audiences == null) {
            return;
        }
        OutboundSseEvent event = current.newEventBuilder()
                .name(alert.eventName())
                .id(Long.toString(alert.seq()))
                .data(alert.json())
                .build();
        for (Audience audience : audiences.values()) {
            if (audience.filter.matches(alert)) {
                audience.broadcaster.broadcast(event);
            }
        }
    }

    /** Writes a heartbeat to every open stream; a stream whose write fails is closed and forgotten. */
    public void heartbeat() {
        Sse current = sse;
        if (current == null) {
            return;
        }
        OutboundSseEvent beat = current.newEventBuilder()
                .name("heartbeat")
                .data(Json.createObjectBuilder().add("server_time", Instant.now().toString()).build().toString())
                .build();
        for (SseEventSink sink : streams.keySet()) {
            if (sink.isClosed()) {
                drop(sink);
                continue;
            }
            try {
                sink.send(beat).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        drop(sink);
                    }
                });
            } catch (RuntimeException e) {
                drop(sink);
            }
        }
    }

    /**
     * Ends the stream when its token expires, with a {@code token_expired} event first: a browser's
     * EventSource cannot recover from the 401 its own reconnect would get, so the page renews the
     * token and reconnects with the last event id.
     */
    private Future<?> scheduleExpiry(SseEventSink sink, Caller caller) {
        if (caller.expiresAt() == null) {
            return null;
        }
        long delay = Math.max(0, Duration.between(Instant.now(), caller.expiresAt()).toMillis());
        return scheduler.schedule(() -> expire(sink, caller.expiresAt()), delay, TimeUnit.MILLISECONDS);
    }

    private void expire(SseEventSink sink, Instant expiredAt) {
        Sse current = sse;
        if (current == null || !streams.containsKey(sink)) {
            return;
        }
        OutboundSseEvent expired = current.newEventBuilder()
                .name("token_expired")
                .data(Json.createObjectBuilder()
                        .add("expired_at", expiredAt.toString())
                        .add("message", "The token expired: renew it and reconnect with the last event id.")
                        .build().toString())
                .build();
        try {
            sink.send(expired).whenComplete((ignored, failure) -> drop(sink));
        } catch (RuntimeException e) {
            drop(sink);
        }
    }

    public int openStreams() {
        return streams.size();
    }

    private Audience join(String tenant, StreamFilter filter) {
        return byTenant.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
                .compute(filter.key(), (key, existing) -> {
                    Audience audience = existing != null ? existing : new Audience(filter, newBroadcaster());
                    audience.members++;
                    return audience;
                });
    }

    private void leave(Membership membership) {
        Map<String, Audience> audiences = byTenant.get(membership.tenant());
        if (audiences == null) {
            return;
        }
        Audience audience = membership.audience();
        boolean emptied = audiences.computeIfPresent(audience.filter.key(),
                (key, current) -> current != audience || --current.members > 0 ? current : null) == null;
        if (emptied) {
            audience.broadcaster.close();
        }
    }

    private SseBroadcaster newBroadcaster() {
        SseBroadcaster broadcaster = sse.newBroadcaster();
        broadcaster.onError((sink, failure) -> drop(sink));
        broadcaster.onClose(this::drop);
        return broadcaster;
    }

    private void drop(SseEventSink sink) {
        OpenStream stream = streams.remove(sink);
        if (stream == null) {
            return;
        }
        if (stream.expiry() != null) {
            stream.expiry().cancel(false);
        }
        stream.memberships().forEach(this::leave);
        LOG.fine(() -> "Stream of " + stream.user() + " closed after "
                + Duration.between(stream.openedAt(), Instant.now()).toSeconds() + " s");
        closeQuietly(sink);
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINEST, "Closing a broken stream failed", e);
        }
    }
}
