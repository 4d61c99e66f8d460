package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds every event a stream sends — the greeting, heartbeats, alerts, {@code resync} and the last
 * events that say why a stream ends — so the wire format that the page and other clients read is
 * in one place. JAX-RS hands the {@link Sse} that builds events to a resource only, so the register
 * passes it on as each stream opens ({@link #use}).
 */
@ApplicationScoped
public class StreamEvents {

    /** Reconnect delays are spread over this window so that clients of a restarted server return gradually. */
    static final int RETRY_MIN_MILLIS = 1_000;

    static final int RETRY_MAX_MILLIS = 5_000;

    @Inject
    StreamSettings settings;

    private volatile Sse sse;

    /** The JAX-RS {@link Sse} of the stream being opened; the same one serves every event after it. */
    public void use(Sse sse) {
        this.sse = sse;
    }

    /** Whether events can be built yet, i.e. a stream has ever been opened. */
    public boolean ready() {
        return sse != null;
    }

    /** {@code connection}: the first event of every stream, with a randomized {@code retry:}. */
    public OutboundSseEvent greeting(String user, Set<String> tenants, int heartbeatSeconds) {
        return sse.newEventBuilder()
                .name("connection")
                .reconnectDelay(ThreadLocalRandom.current().nextInt(RETRY_MIN_MILLIS, RETRY_MAX_MILLIS + 1))
                .data(Json.createObjectBuilder()
                        .add("user", user)
                        .add("tenants", Json.createArrayBuilder(tenants))
                        .add("server_time", Instant.now().toString())
                        .add("heartbeat_seconds", heartbeatSeconds)
                        .add("event_names", Json.createArrayBuilder(settings.eventNames()))
                        .build()
                        .toString())
                .build();
    }

    public OutboundSseEvent heartbeat() {
        return sse.newEventBuilder()
                .name("heartbeat")
                .data(Json.createObjectBuilder()
                        .add("server_time", Instant.now().toString())
                        .build()
                        .toString())
                .build();
    }

    /** {@code <service>_alert} or {@code notification}: the stored alert, its stream position as the id. */
    public OutboundSseEvent alert(PublishedAlert alert) {
        return sse.newEventBuilder()
                .name(alert.eventName())
                .id(Long.toString(alert.position()))
                .data(alert.json())
                .build();
    }

    /** {@code resync}: the cursor cannot be resumed from ({@link StreamReplay}'s reason); a recent window follows. */
    public OutboundSseEvent resync(String reason, String lastEventId, int window) {
        return sse.newEventBuilder()
                .name("resync")
                .data(Json.createObjectBuilder()
                        .add("reason", reason)
                        .add("last_event_id", lastEventId)
                        .add("window", window)
                        .add(
                                "message",
                                StreamReplay.UNKNOWN_CURSOR.equals(reason)
                                        ? "The last event id is unknown; the most recent alerts follow."
                                        : "The last event id is too old to resume from; the most recent alerts follow.")
                        .build()
                        .toString())
                .build();
    }

    /**
     * {@code token_expired}, the last event at the token's expiry: a browser's EventSource cannot
     * recover from the 401 its own reconnect would get, so the page renews the token and reconnects
     * with the last event id.
     */
    public OutboundSseEvent tokenExpired(Instant expiredAt) {
        return last(
                "token_expired",
                Json.createObjectBuilder()
                        .add("expired_at", expiredAt.toString())
                        .add("message", "The token expired: renew it and reconnect with the last event id.")
                        .build()
                        .toString());
    }

    /** {@code tenants_changed}, the last event of a stream whose user's memberships changed. */
    public OutboundSseEvent tenantsChanged() {
        return last(
                "tenants_changed",
                Json.createObjectBuilder()
                        .add("message", "Your tenant memberships changed: reconnect with the last event id.")
                        .build()
                        .toString());
    }

    /** {@code slow_consumer}, the last event of a stream that let {@code maxQueued} events pile up. */
    public OutboundSseEvent slowConsumer(int maxQueued) {
        return last(
                "slow_consumer",
                Json.createObjectBuilder()
                        .add("max_queued", maxQueued)
                        .add(
                                "message",
                                "This client could not keep up and is disconnected; reconnect with the last event id.")
                        .build()
                        .toString());
    }

    private OutboundSseEvent last(String name, String data) {
        return sse.newEventBuilder().name(name).data(data).build();
    }
}
