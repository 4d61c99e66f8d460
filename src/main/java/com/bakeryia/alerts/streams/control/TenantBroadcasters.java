package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.streams.control.Audiences.Subscription;
import com.bakeryia.alerts.auth.control.Caller;
import com.bakeryia.alerts.tenants.control.Memberships;
import com.bakeryia.alerts.tenants.control.Memberships.MembershipsInvalidated;
import com.bakeryia.alerts.platform.ApiProblem;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * One {@link SseBroadcaster} per tenant and filter (an audience), and the register of this server's
 * open streams. A stream of several tenants joins each tenant's audience for its filter; an alert
 * goes to its own tenant's audiences only, so no stream sees another tenant's alert or one alert
 * twice. The broadcasters hold {@link StreamConnection}s, whose sends only queue: delivering an
 * alert never waits for a client.
 *
 * <p>Open streams are limited per user ({@code streams.per.user.max}) and per tenant
 * ({@code streams.per.tenant.max}); past either, a new stream gets 429.
 *
 * <p>A stream whose tenants came from the membership table ends with {@code tenants_changed} when
 * that user's memberships change (on any server), so a removed tenant stops at once rather than at
 * token expiry, and an added one is streamed after the client reconnects with its last id.
 */
@ApplicationScoped
public class TenantBroadcasters {

    private static final Logger LOG = Logger.getLogger(TenantBroadcasters.class.getName());

    private final ConcurrentMap<StreamConnection, List<Subscription>> streams = new ConcurrentHashMap<>();
    /** Streams whose tenants are the user's memberships, with the memberships they were opened with. */
    private final ConcurrentMap<StreamConnection, Set<String>> fromMemberships = new ConcurrentHashMap<>();
    @Inject
    MetricRegistry metrics;

    @Inject
    StreamEvents events;

    @Inject
    StreamSettings settings;

    @Inject
    StreamReplay replay;

    @Inject
    Memberships memberships;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    StreamLimits limits;

    @Inject
    Audiences audiences;

    @Inject
    StreamWriters writers;

    private Counter slowConsumersCut;

    @PostConstruct
    void registerMetrics() {
        metrics.gauge("sse.streams.open", this, TenantBroadcasters::openStreams);
        slowConsumersCut = metrics.counter("sse.streams.cut");
    }

    /**
     * Opens a stream: greets the client with a {@code connection} event, subscribes it to its
     * tenants' alerts that pass its filter, and — when {@code cursor} is given — replays what it
     * missed first.
     *
     * @throws ApiProblem 429 when the user or one of the tenants has too many open streams
     */
    public void open(Sse sse, SseEventSink sink, Caller caller, Set<String> tenants, StreamFilter filter,
                     String cursor, int heartbeatSeconds) {
        events.use(sse);
        limits.reserve(caller.user(), tenants);
        OutboundSseEvent hello = events.greeting(caller.user(), tenants, heartbeatSeconds);
        StreamConnection stream = new StreamConnection(sink,
                new StreamConnection.Wiring(events, writers.executor(), replay, settings, this::closed, slowConsumersCut::inc),
                caller.user(), tenants, filter, hello, cursor);
        // Subscribed before the replay reads the head, so no alert falls between the two; the
        // greeting is still the first write, as the stream writes its queue only after it.
        if (caller.tenantsFromMemberships()) {
            fromMemberships.put(stream, caller.tenants());
        }
        List<Subscription> joined = new ArrayList<>();
        streams.put(stream, joined);
        for (String tenant : tenants) {
            Subscription subscription = audiences.join(sse, tenant, filter);
            joined.add(subscription);
            subscription.register(stream);
        }
        if (caller.expiresAt() != null) {
            long delay = Math.max(0, Duration.between(Instant.now(), caller.expiresAt()).toMillis());
            stream.expireAt(scheduler.schedule(() -> expire(stream, caller.expiresAt()), delay, TimeUnit.MILLISECONDS));
        }
        stream.start();
        if (caller.tenantsFromMemberships()) {
            // A change between authentication and registration was rechecked without this stream.
            endIfChanged(stream, caller.user(), caller.tenants(), new HashMap<>());
        }
    }

    /** Queues a heartbeat on every open stream that has nothing else to write. */
    public void heartbeat() {
        if (!events.ready()) {
            return;
        }
        OutboundSseEvent beat = events.heartbeat();
        streams.keySet().forEach(stream -> stream.heartbeat(beat));
    }

    /** Closes the streams whose current write has hung longer than the write timeout. */
    public void closeStalled() {
        long now = System.nanoTime();
        streams.keySet().forEach(stream -> stream.closeIfStalled(now));
    }

    /** Ends the stream when its token expires, with a {@code token_expired} event first. */
    private void expire(StreamConnection stream, Instant expiredAt) {
        stream.end(events.tokenExpired(expiredAt));
    }

    /** Memberships changed: off this (request or subscriber) thread, ends the streams they no longer match. */
    void membershipsInvalidated(@Observes MembershipsInvalidated invalidated) {
        if (fromMemberships.isEmpty()) {
            return;
        }
        scheduler.execute(() -> endStreamsOfChangedMemberships(invalidated.user()));
    }

    private void endStreamsOfChangedMemberships(String user) {
        Map<String, Set<String>> current = new HashMap<>();
        fromMemberships.forEach((stream, openedWith) -> {
            if (user == null || user.equals(stream.user)) {
                endIfChanged(stream, stream.user, openedWith, current);
            }
        });
    }

    /** @param current the memberships read so far in this pass, per user */
    private void endIfChanged(StreamConnection stream, String user, Set<String> openedWith,
                              Map<String, Set<String>> current) {
        Set<String> now;
        try {
            now = current.computeIfAbsent(user, u -> Set.copyOf(memberships.tenantsOf(u)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the memberships of a user with open streams;"
                    + " those streams keep their tenants until their tokens expire or the next change", e);
            return;
        }
        if (!now.equals(openedWith)) {
            LOG.fine(() -> "Memberships of " + user + " changed; ending a stream of theirs");
            stream.end(events.tenantsChanged());
        }
    }

    public int openStreams() {
        return streams.size();
    }

    /** A stream closed (client gone, token expired, cut): forget it everywhere. */
    private void closed(StreamConnection stream) {
        List<Subscription> joined = streams.remove(stream);
        fromMemberships.remove(stream);
        if (joined == null) {
            return;
        }
        joined.forEach(audiences::leave);
        limits.release(stream.user, stream.tenants);
        LOG.fine(() -> "Stream of " + stream.user + " closed after "
                + Duration.between(stream.openedAt, Instant.now()).toSeconds() + " s");
    }
}
