package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.platform.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Authenticates the caller of a request and resolves its tenants: from the token's {@code tenants}
 * claim when it has one, else from the membership table. Called by the access filter
 * ({@code auth.boundary.AccessFilter}) for every method that names roles; resources receive the
 * outcome through {@link CurrentCaller} and {@code JsonWebToken}.
 *
 * <p>API calls carry the token in the Authorization header. Event streams
 * ({@link StreamCredentials}) also accept it where a browser's EventSource can put it: a single-use
 * {@code ?ticket=}, {@code ?token=}, or the {@value #TOKEN_COOKIE} cookie (HttpOnly, set by the
 * demo login). The first present of header, ticket, query token and cookie is used.
 */
@ApplicationScoped
public class Callers {

    public static final String TOKEN_COOKIE = "bakery_alerts_token";
    private static final String BEARER = "Bearer ";

    @Inject
    TokenVerifier verifier;

    @Inject
    TenantLookup memberships;

    @Inject
    StreamTickets tickets;

    /**
     * A verified token: its claims, and the compact token itself when one was presented (none for a
     * ticket). The compact token is a credential: {@link #toString()} leaves it out.
     */
    public record Authentication(TokenClaims claims, String rawToken) {

        @Override
        public String toString() {
            return "Authentication[user=" + claims.user() + "]";
        }
    }

    /**
     * @param authorization the Authorization header, if any
     * @throws ApiProblem 401 when no token is given or the token is not valid
     */
    public Authentication authenticate(String authorization) {
        return bearer(authorization)
                .orElseThrow(() -> ApiProblem.unauthorized(
                        "missing_token", "A bearer token is required in the Authorization header."));
    }

    /**
     * For {@code GET /api/events}: header, ticket, query token or cookie, the first present. A
     * ticket is spent here, once, whatever happens to the request afterwards.
     */
    public Authentication authenticateStream(
            String authorization, String ticket, String queryToken, String cookieToken) {
        var fromHeader = bearer(authorization);
        if (fromHeader.isPresent()) {
            return fromHeader.get();
        }
        if (present(ticket)) {
            return new Authentication(
                    tickets.spend(ticket.strip())
                            .orElseThrow(() -> ApiProblem.unauthorized(
                                    "invalid_ticket",
                                    "The stream ticket is unknown, used or expired; request a new one.")),
                    null);
        }
        if (present(queryToken)) {
            return verified(queryToken.strip());
        }
        if (present(cookieToken)) {
            return verified(cookieToken.strip());
        }
        throw ApiProblem.unauthorized(
                "missing_token",
                "A token is required: an Authorization Bearer header,"
                        + " ?ticket= from POST /api/events/ticket, ?token=, or the " + TOKEN_COOKIE + " cookie.");
    }

    private Optional<Authentication> bearer(String authorization) {
        if (!present(authorization)) {
            return Optional.empty();
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiProblem.unauthorized("invalid_token", "The Authorization header must carry a Bearer token.");
        }
        return Optional.of(verified(authorization.substring(BEARER.length()).strip()));
    }

    private Authentication verified(String token) {
        return new Authentication(verifier.verify(token), token);
    }

    /** The caller the claims describe, with its tenants from the claim or else the membership table. */
    public Caller resolve(TokenClaims claims) {
        return claims.tenants()
                .map(claimed -> Caller.of(claims.user(), claimed, claims.groups(), claims.expiresAt()))
                .orElseGet(() -> Caller.member(
                        claims.user(), memberships.tenantsOf(claims.user()), claims.groups(), claims.expiresAt()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
