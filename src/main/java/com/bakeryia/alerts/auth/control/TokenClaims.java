package com.bakeryia.alerts.auth.control;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a verified token says about its bearer: the user, the tenants claim if the token has one
 * (absent means "look the user up in the membership table"), the groups, the expiry, and every
 * claim as the token carried it (what {@code JsonWebToken.getClaim} answers).
 */
public record TokenClaims(
        String user, Optional<List<String>> tenants, List<String> groups, Instant expiresAt, Map<String, Object> all) {

    public TokenClaims {
        tenants = tenants.map(List::copyOf);
        groups = List.copyOf(groups);
        all = Collections.unmodifiableMap(new LinkedHashMap<>(all));
    }

    /**
     * Claims rebuilt from what a stream ticket stored: the user ({@code upn}), groups, tenants (when
     * the token had them) and expiry; nothing else of the original token is kept.
     */
    public TokenClaims(String user, Optional<List<String>> tenants, List<String> groups, Instant expiresAt) {
        this(user, tenants, groups, expiresAt, rebuilt(user, tenants, groups, expiresAt));
    }

    private static Map<String, Object> rebuilt(
            String user, Optional<List<String>> tenants, List<String> groups, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("upn", user);
        claims.put(Caller.GROUPS_CLAIM, List.copyOf(groups));
        tenants.ifPresent(t -> claims.put(Caller.TENANTS_CLAIM, List.copyOf(t)));
        if (expiresAt != null) {
            claims.put("exp", expiresAt.getEpochSecond());
        }
        return claims;
    }
}
