package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.platform.ApiProblem;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated caller: a user id, the tenants the token allows (in the token's order), its
 * groups, when the token expires (null if it never does), and whether the tenants came from the
 * membership table (the token has no tenants claim) — then a change there applies to streams
 * already open. A tenant id from a request can only narrow {@link #tenants()}, never widen it.
 */
public record Caller(
        String user, Set<String> tenants, Set<String> groups, Instant expiresAt, boolean tenantsFromMemberships) {

    public static final String TENANTS_CLAIM = "tenants";
    public static final String GROUPS_CLAIM = "groups";
    /** The group whose members may publish alerts through {@code POST /api/alerts}. */
    public static final String ALERT_PUBLISHER = "alert-publisher";
    /** The group whose members manage tenant memberships through {@code /api/admin/memberships}. */
    public static final String ALERTS_ADMIN = "alerts-admin";
    /** The group whose members manage the notification settings of the tenants in their token. */
    public static final String TENANT_ADMIN = "tenant-admin";
    /**
     * The role "any authenticated caller", for {@code @RolesAllowed}: a valid token is needed, no
     * group. {@code **} is what Jakarta Security and Servlet call that role, so a reader (or Liberty,
     * should it ever enforce the annotations itself) takes it the same way.
     */
    public static final String AUTHENTICATED = "**";

    public Caller {
        tenants = Collections.unmodifiableSet(new LinkedHashSet<>(tenants));
        groups = Set.copyOf(groups);
    }

    public static Caller of(String user, Collection<String> tenants, Collection<String> groups) {
        return of(user, tenants, groups, null);
    }

    public static Caller of(String user, Collection<String> tenants, Collection<String> groups, Instant expiresAt) {
        return new Caller(user, new LinkedHashSet<>(tenants), new LinkedHashSet<>(groups), expiresAt, false);
    }

    /** A caller whose token has no tenants claim: its tenants are its memberships. */
    public static Caller member(
            String user, Collection<String> memberships, Collection<String> groups, Instant expiresAt) {
        return new Caller(user, new LinkedHashSet<>(memberships), new LinkedHashSet<>(groups), expiresAt, true);
    }

    /**
     * Whether the caller may administer this tenant's settings: an {@value #ALERTS_ADMIN}, or a
     * {@value #TENANT_ADMIN} whose tenants include it.
     */
    public boolean administers(String tenant) {
        return groups.contains(ALERTS_ADMIN) || (groups.contains(TENANT_ADMIN) && tenants.contains(tenant));
    }

    /** A string-list claim, whether the token has it as a JSON array or a single string. */
    static List<String> strings(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(claim));
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
        return Collections.unmodifiableSet(wanted);
    }
}
