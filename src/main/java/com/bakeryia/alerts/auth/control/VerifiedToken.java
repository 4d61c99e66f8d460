package com.bakeryia.alerts.auth.control;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The MicroProfile JWT view of a token {@link TokenVerifier} verified: what resources inject as
 * {@code JsonWebToken}. {@link #getName()} is the user ({@code upn}, else
 * {@code preferred_username}, else {@code sub}); {@code groups} and {@code aud} are sets of
 * strings as the specification has them, other claims are as the token's JSON carried them.
 * A request without a token (a {@code @PermitAll} method) gets {@link #ANONYMOUS}, whose name and
 * claims are null, as MicroProfile JWT specifies for that case.
 *
 * <p>{@link #getRawToken()} is the caller's credential: never log it ({@link #toString()} leaves it
 * out). A stream opened with a ticket has no compact token, and only the claims the ticket kept.
 */
public final class VerifiedToken implements JsonWebToken {

    public static final VerifiedToken ANONYMOUS = new VerifiedToken(null, null);

    private final TokenClaims claims;
    private final String rawToken;

    public VerifiedToken(TokenClaims claims, String rawToken) {
        this.claims = claims;
        this.rawToken = rawToken;
    }

    @Override
    public String getName() {
        return claims == null ? null : claims.user();
    }

    @Override
    public Set<String> getClaimNames() {
        if (claims == null) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>(claims.all().keySet());
        if (rawToken != null) {
            names.add(Claims.raw_token.name());
        }
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (claims == null || claimName == null) {
            return null;
        }
        if (Claims.raw_token.name().equals(claimName)) {
            return (T) rawToken;
        }
        if (Claims.groups.name().equals(claimName)) {
            return claims.all().containsKey(claimName) ? (T) getGroups() : null;
        }
        Object value = claims.all().get(claimName);
        if (Claims.aud.name().equals(claimName) && value != null) {
            return (T) strings(value);
        }
        return (T) value;
    }

    @Override
    public Set<String> getGroups() {
        return claims == null ? Set.of() : Set.copyOf(claims.groups());
    }

    @Override
    public Set<String> getAudience() {
        return getClaim(Claims.aud.name());
    }

    @Override
    public long getExpirationTime() {
        return claims == null || claims.expiresAt() == null
                ? 0
                : claims.expiresAt().getEpochSecond();
    }

    @Override
    public long getIssuedAtTime() {
        return getClaim(Claims.iat.name()) instanceof Number n ? n.longValue() : 0;
    }

    private static Set<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            Set<String> set = new LinkedHashSet<>();
            values.forEach(v -> set.add(String.valueOf(v)));
            return set;
        }
        return Set.of(String.valueOf(value));
    }

    @Override
    public String toString() {
        return "VerifiedToken[name=" + getName() + ", groups=" + getGroups() + "]";
    }
}
