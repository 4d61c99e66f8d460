package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.platform.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts this server's open streams per user ({@code streams.per.user.max}) and per tenant
 * ({@code streams.per.tenant.max}), so that one user or one tenant cannot take every connection
 * the server has: past either limit, a new stream gets 429 {@code too_many_streams}.
 */
@ApplicationScoped
public class StreamLimits {

    private final ConcurrentMap<String, Integer> perUser = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Integer> perTenant = new ConcurrentHashMap<>();

    @Inject
    StreamSettings settings;

    /**
     * Counts a stream of this user and these tenants, or nothing at all.
     *
     * @throws ApiProblem 429 when the user or one of the tenants has too many open streams
     */
    public void reserve(String user, Set<String> tenants) {
        if (perUser.merge(user, 1, Integer::sum) > settings.perUserMax()) {
            release(perUser, user);
            throw ApiProblem.tooManyRequests(
                    "too_many_streams",
                    "This user has " + settings.perUserMax() + " open streams already; close one first.");
        }
        List<String> reserved = new ArrayList<>();
        for (String tenant : tenants) {
            if (perTenant.merge(tenant, 1, Integer::sum) > settings.perTenantMax()) {
                release(perTenant, tenant);
                reserved.forEach(t -> release(perTenant, t));
                release(perUser, user);
                throw ApiProblem.tooManyRequests(
                        "too_many_streams",
                        "A requested tenant has too many open streams on this server; try again later.");
            }
            reserved.add(tenant);
        }
    }

    /** A stream that was reserved has closed. */
    public void release(String user, Set<String> tenants) {
        release(perUser, user);
        tenants.forEach(t -> release(perTenant, t));
    }

    private static void release(ConcurrentMap<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
    }
}
