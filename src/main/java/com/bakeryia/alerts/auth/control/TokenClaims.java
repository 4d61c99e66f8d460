package com.bakeryia.alerts.auth.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a verified token says about its bearer: the user, the tenants claim if the token has one
 * (absent means "look the user up in the membership table"), the groups, and the expiry.
 */
public record TokenClaims(String user, Optional<List<String>> tenants, List<String> groups, Instant expiresAt) {

    public TokenClaims {
        tenants = tenants.map(List::copyOf);
        groups = List.copyOf(groups);
    }
}
