package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Who hears an alert: per tenant, one {@link SseBroadcaster} per distinct {@link StreamFilter} (an
 * audience). A stream of several tenants joins each tenant's audience for its filter; an alert goes
 * to its own tenant's audiences only, so no stream sees another tenant's alert or one alert twice.
 * The broadcasters hold {@link StreamConnection}s, whose sends only queue: delivering an alert
 * never waits for a client.
 */
@ApplicationScoped
public class Audiences {

    /** Per tenant, one audience per distinct filter. */
    private final ConcurrentMap<String, ConcurrentMap<String, Audience>> byTenant = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry metrics;

    @Inject
    StreamEvents events;

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

    /** A stream's place in one tenant's audience. */
    record Subscription(String tenant, Audience audience) {

        /** From now on the stream hears this audience's alerts. */
        void register(SseEventSink stream) {
            audience.broadcaster.register(stream);
        }
    }

    @PostConstruct
    void registerMetrics() {
        metrics.gauge("sse.tenants.active", this, Audiences::activeTenants);
    }

    /** Made with the application, not with the first stream, so that its gauge is there from the start. */
    void createWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer alone makes the container create this bean (and run registerMetrics) now
    }

    /** Tenants with at least one audience. */
    public long activeTenants() {
        return byTenant.values().stream().filter(m -> !m.isEmpty()).count();
    }

    /**
     * Counts a stream into the tenant's audience for its filter, made with {@code sse} if it is the
     * first; the stream hears it once {@linkplain Subscription#register registered}.
     */
    public Subscription join(Sse sse, String tenant, StreamFilter filter) {
        Audience joined = byTenant.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
                .compute(filter.key(), (key, existing) -> {
                    Audience audience = existing != null ? existing : new Audience(filter, sse.newBroadcaster());
                    audience.members++;
                    return audience;
                });
        return new Subscription(tenant, joined);
    }

    /** A stream left: its audience closes with its last member. */
    public void leave(Subscription subscription) {
        Map<String, Audience> audiences = byTenant.get(subscription.tenant());
        if (audiences == null) {
            return;
        }
        Audience audience = subscription.audience();
        boolean emptied = audiences.computeIfPresent(
                        audience.filter.key(),
                        (key, current) -> current != audience || --current.members > 0 ? current : null)
                == null;
        if (emptied) {
            audience.broadcaster.close();
        }
    }

    /**
     * Queues a positioned alert on every open stream of its tenant on this server whose filter it
     * passes. {@link InOrderDelivery} calls this once per alert, in position order.
     */
    public void deliver(PublishedAlert alert) {
        Map<String, Audience> audiences = byTenant.get(alert.tenantId());
        if (!events.ready() || audiences == null || audiences.isEmpty()) {
            return;
        }
        OutboundSseEvent event = events.alert(alert);
        for (Audience audience : audiences.values()) {
            if (audience.filter.matches(alert)) {
                try {
                    audience.broadcaster.broadcast(event);
                } catch (IllegalStateException e) {
                    // Its last stream left while this alert was on its way: nobody to tell.
                }
            }
        }
    }
}
