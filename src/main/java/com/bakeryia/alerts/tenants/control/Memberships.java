package com.bakeryia.alerts.tenants.control;

import com.bakeryia.alerts.auth.control.TenantLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenants of users whose tokens carry no {@code tenants} claim, from the
 * {@code tenant_memberships} table, cached per user. A change through the admin API drops the
 * user's entry here at once and fires {@link MembershipChanged}, which the fan-out passes to the
 * other servers (over Redis) so they drop theirs; entries also expire after
 * {@code memberships.cache.seconds} in case such a message was missed. Whenever entries are
 * dropped for a change (after commit here, or told by another server) {@link MembershipsInvalidated}
 * fires, so that streams already open can follow the change.
 */
@ApplicationScoped
public class Memberships implements TenantLookup {

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Inject
    Event<MembershipChanged> changes;

    @Inject
    Event<MembershipsInvalidated> invalidations;

    @Inject
    @ConfigProperty(name = "memberships.cache.seconds", defaultValue = "60")
    int cacheSeconds;

    private record Cached(List<String> tenants, Instant loadedAt) {}

    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    /** The user's tenants, in a stable order (cached). */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> tenantsOf(String user) {
        Cached cached = cache.get(user);
        Instant now = Instant.now();
        if (cached != null
                && cached.loadedAt().plus(Duration.ofSeconds(cacheSeconds)).isAfter(now)) {
            return cached.tenants();
        }
        List<String> tenants = load(user);
        cache.put(user, new Cached(tenants, now));
        return tenants;
    }

    private List<String> load(String user) {
        @SuppressWarnings("unchecked")
        List<String> tenants = em.createNativeQuery(
                        "SELECT tenant_id FROM tenant_memberships WHERE user_id = ?1 ORDER BY tenant_id")
                .setParameter(1, user)
                .getResultList();
        return List.copyOf(tenants);
    }

    /** @return whether the user was not a member before */
    @Transactional
    public boolean add(String user, String tenant) {
        boolean added = em.createNativeQuery("INSERT INTO tenant_memberships (user_id, tenant_id, created_at)"
                                + " SELECT CAST(?1 AS VARCHAR(128)), CAST(?2 AS VARCHAR(64)), CAST(?3 AS TIMESTAMP)"
                                + " FROM (VALUES (1)) AS one(x) WHERE NOT EXISTS"
                                + " (SELECT 1 FROM tenant_memberships WHERE user_id = ?1 AND tenant_id = ?2)")
                        .setParameter(1, user)
                        .setParameter(2, tenant)
                        .setParameter(3, Timestamp.from(Instant.now()))
                        .executeUpdate()
                > 0;
        changed(user);
        return added;
    }

    /** @return whether the user was a member */
    @Transactional
    public boolean remove(String user, String tenant) {
        boolean removed = em.createNativeQuery("DELETE FROM tenant_memberships WHERE user_id = ?1 AND tenant_id = ?2")
                        .setParameter(1, user)
                        .setParameter(2, tenant)
                        .executeUpdate()
                > 0;
        changed(user);
        return removed;
    }

    /** Replaces all of the user's memberships. */
    @Transactional
    public List<String> replace(String user, Collection<String> tenants) {
        em.createNativeQuery("DELETE FROM tenant_memberships WHERE user_id = ?1")
                .setParameter(1, user)
                .executeUpdate();
        Timestamp now = Timestamp.from(Instant.now());
        Set<String> distinct = new LinkedHashSet<>(tenants);
        for (String tenant : distinct) {
            em.createNativeQuery("INSERT INTO tenant_memberships (user_id, tenant_id, created_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, user)
                    .setParameter(2, tenant)
                    .setParameter(3, now)
                    .executeUpdate();
        }
        changed(user);
        return distinct.stream().sorted().toList();
    }

    /** Current memberships from the table, not the cache: what the admin API shows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> stored(String user) {
        return load(user);
    }

    /** Forgets the cached memberships of a user (a change made here or on another server). */
    public void invalidate(String user) {
        cache.remove(user);
        invalidations.fire(new MembershipsInvalidated(user));
    }

    /** Forgets every cached membership (changes may have been missed). */
    public void invalidateAll() {
        cache.clear();
        invalidations.fire(new MembershipsInvalidated(null));
    }

    private void changed(String user) {
        cache.remove(user);
        changes.fire(new MembershipChanged(user));
    }

    /** Again after commit: a lookup during the transaction may have cached the old memberships. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        invalidate(change.user());
    }

    /** The memberships of a user changed. Observed after commit by the cross-server fan-out. */
    public record MembershipChanged(String user) {}

    /**
     * Cached memberships were dropped because they changed: those of {@code user}, or of everybody
     * when it is null. Fired synchronously on the thread that learnt of it (a request thread after
     * commit, the Redis subscriber): observers must not block.
     */
    public record MembershipsInvalidated(String user) {}
}
