package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.platform.ApiProblem;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated caller: a user id, the tenants the token allows and its groups. A tenant id
 * from a request can only narrow {@link #tenants()}, never widen it.
 */
public record Caller(String user, Set<String> tenants, Set<String> groups) {

    public static final String TENANTS_CLAIM = "tenants";

    public Caller {
        tenants = Set.copyOf(new LinkedHashSet<>(tenants));
        groups = Set.copyOf(groups);
    }

    public static Caller of(String user, Collection<String> tenants, Collection<String> groups) {
        return new Caller(user, new LinkedHashSet<>(tenants), new LinkedHashSet<>(groups));
    }

    /**
     * @param requested comma-separated tenant ids, or null/blank for all of the caller's tenants
     * @return the tenants to use, a subset of the caller's own
     */
    public Set<String> narrowTenants(String requested) {
        if (requested == null || requested.isBlank()) {
            return tenants;
        }
        Set<String> wanted = Arrays.stream(requested.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty() || !tenants.containsAll(wanted)) {
            throw ApiProblem.forbidden("tenant_forbidden", "The token does not allow the requested tenant.");
        }
        return Set.copyOf(wanted);
    }
}
