package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.tenants.control.Memberships;
import com.bakeryia.alerts.tenants.control.Memberships.MembershipsInvalidated;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends, with {@code tenants_changed}, the streams whose tenants came from the membership table
 * when that user's memberships change (on any server), so a removed tenant stops at once rather
 * than at token expiry, and an added one is streamed after the client reconnects with its last id.
 * Streams whose tenants came from the token's claim are not followed: the token decides those.
 */
@ApplicationScoped
public class MembershipEndings {

    private static final Logger LOG = Logger.getLogger(MembershipEndings.class.getName());

    /** Streams whose tenants are the user's memberships, with the memberships they were opened with. */
    private final ConcurrentMap<StreamConnection, Set<String>> fromMemberships = new ConcurrentHashMap<>();

    @Inject
    Memberships memberships;

    @Inject
    StreamEvents events;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** A stream opened with the user's memberships {@code openedWith}: from now on a change ends it. */
    public void follow(StreamConnection stream, Set<String> openedWith) {
        fromMemberships.put(stream, openedWith);
    }

    /**
     * Right after the stream started: a change between authentication and {@link #follow} was
     * rechecked without this stream, so it is checked once here.
     */
    public void recheck(StreamConnection stream, Set<String> openedWith) {
        endIfChanged(stream, stream.user, openedWith, new HashMap<>());
    }

    /** The stream closed. */
    public void forget(StreamConnection stream) {
        fromMemberships.remove(stream);
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
    private void endIfChanged(
            StreamConnection stream, String user, Set<String> openedWith, Map<String, Set<String>> current) {
        Set<String> now;
        try {
            now = current.computeIfAbsent(user, u -> Set.copyOf(memberships.tenantsOf(u)));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not read the memberships of a user with open streams;"
                            + " those streams keep their tenants until their tokens expire or the next change",
                    e);
            return;
        }
        if (!now.equals(openedWith)) {
            LOG.fine(() -> "Memberships of " + user + " changed; ending a stream of theirs");
            stream.end(events.tenantsChanged());
        }
    }
}
