package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.tenants.control.Memberships.MembershipChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the other servers that a user's memberships changed, once the change committed, so they
 * drop their cached copy. Without Redis there is one server and nothing to tell; if Redis is away
 * the other servers' caches expire on their own ({@code memberships.cache.seconds}).
 */
@ApplicationScoped
public class MembershipFanOut {

    private static final Logger LOG = Logger.getLogger(MembershipFanOut.class.getName());

    @Inject
    FanOutSettings settings;

    @Inject
    RedisClients redis;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        if (settings.redis().isEmpty()) {
            return;
        }
        try {
            redis.pool().publish(RedisClients.MEMBERSHIPS_CHANNEL, change.user());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not tell the other servers that memberships changed; their caches"
                            + " expire within memberships.cache.seconds",
                    e);
        }
    }
}
