package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.auth.control.Caller;
import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.streams.control.Audiences.Subscription;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The register of this server's open streams: opens one (within the {@link StreamLimits}, with its
 * greeting, its {@link Audiences} subscriptions and an end at the token's expiry), forgets it
 * everywhere when it closes, and reaches every open stream for heartbeats and the stalled-write
 * sweep. A stream whose tenants came from the membership table is handed to
 * {@link MembershipEndings}.
 */
@ApplicationScoped
public class OpenStreams {

    private static final Logger LOG = Logger.getLogger(OpenStreams.class.getName());

    private final ConcurrentMap<StreamConnection, List<Subscription>> streams = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry metrics;

    @Inject
    StreamEvents events;

    @Inject
    StreamSettings settings;

    @Inject
    StreamReplay replay;

    @Inject
    StreamLimits limits;

    @Inject
    Audiences audiences;

    @Inject
    StreamWriters writers;

    @Inject
    MembershipEndings membershipEndings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Counter slowConsumersCut;

    @PostConstruct
    void registerMetrics() {
        metrics.gauge("sse.streams.open", this, OpenStreams::count);
        slowConsumersCut = metrics.counter("sse.streams.cut");
    }

    /**
     * Opens a stream: greets the client with a {@code connection} event, subscribes it to its
     * tenants' alerts that pass its filter, and — when {@code cursor} is given — replays what it
     * missed first.
     *
     * @throws ApiProblem 429 when the user or one of the tenants has too many open streams
     */
    public void open(
            Sse sse,
            SseEventSink sink,
            Caller caller,
            Set<String> tenants,
            StreamFilter filter,
            String cursor,
            int heartbeatSeconds) {
        events.use(sse);
        limits.reserve(caller.user(), tenants);
        OutboundSseEvent hello = events.greeting(caller.user(), tenants, heartbeatSeconds);
        StreamConnection stream = new StreamConnection(
                sink,
                new StreamConnection.Wiring(
                        events, writers.executor(), replay, settings, this::closed, slowConsumersCut::inc),
                caller.user(),
                tenants,
                filter,
                hello,
                cursor);
        // Subscribed before the replay reads the head, so no alert falls between the two; the
        // greeting is still the first write, as the stream writes its queue only after it.
        if (caller.tenantsFromMemberships()) {
            membershipEndings.follow(stream, caller.tenants());
        }
        List<Subscription> joined = new ArrayList<>();
        streams.put(stream, joined);
        for (String tenant : tenants) {
            Subscription subscription = audiences.join(sse, tenant, filter);
            joined.add(subscription);
            subscription.register(stream);
        }
        if (caller.expiresAt() != null) {
            long delay = Math.max(
                    0, Duration.between(Instant.now(), caller.expiresAt()).toMillis());
            stream.expireAt(scheduler.schedule(() -> expire(stream, caller.expiresAt()), delay, TimeUnit.MILLISECONDS));
        }
        stream.start();
        if (caller.tenantsFromMemberships()) {
            membershipEndings.recheck(stream, caller.tenants());
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

    /** How many streams this server holds now. */
    public int count() {
        return streams.size();
    }

    /** A stream closed (client gone, token expired, cut): forget it everywhere. */
    private void closed(StreamConnection stream) {
        List<Subscription> joined = streams.remove(stream);
        membershipEndings.forget(stream);
        if (joined == null) {
            return;
        }
        joined.forEach(audiences::leave);
        limits.release(stream.user, stream.tenants);
        LOG.fine(() -> "Stream of " + stream.user + " closed after "
                + Duration.between(stream.openedAt, Instant.now()).toSeconds() + " s");
    }
}
