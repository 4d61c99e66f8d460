package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.platform.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Authenticates the caller of a request and resolves its tenants: from the token's {@code tenants}
 * claim when it has one, else from the membership table.
 *
 * <p>API calls carry the token in the Authorization header. Event streams also accept it where a
 * browser's EventSource can put it: a single-use {@code ?ticket=}, {@code ?token=}, or the
 * {@value #TOKEN_COOKIE} cookie (HttpOnly, set by the demo login). The first present of header,
 * ticket, query token and cookie is used.
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
     * @param authorization the Authorization header, if any
     * @throws ApiProblem 401 when no token is given or the token is not valid
     */
    public Caller authenticate(String authorization) {
        return resolve(verifyBearer(authorization));
    }

    /**
     * The claims of the bearer token in the Authorization header, unresolved: what a stream ticket
     * is issued for.
     */
    public TokenClaims verifyBearer(String authorization) {
        return bearer(authorization).orElseThrow(() -> ApiProblem.unauthorized("missing_token",
                "A bearer token is required in the Authorization header."));
    }

    /** For {@code GET /api/events}: header, ticket, query token or cookie. */
    public Caller authenticateStream(String authorization, String ticket, String queryToken, String cookieToken) {
        var fromHeader = bearer(authorization);
        if (fromHeader.isPresent()) {
            return resolve(fromHeader.get());
        }
        if (present(ticket)) {
            return resolve(tickets.spend(ticket.strip()).orElseThrow(() -> ApiProblem.unauthorized("invalid_ticket",
                    "The stream ticket is unknown, used or expired; request a new one.")));
        }
        if (present(queryToken)) {
            return resolve(verifier.verify(queryToken.strip()));
        }
        if (present(cookieToken)) {
            return resolve(verifier.verify(cookieToken.strip()));
        }
        throw ApiProblem.unauthorized("missing_token", "A token is required: an Authorization Bearer header,"
                + " ?ticket= from POST /api/events/ticket, ?token=, or the " + TOKEN_COOKIE + " cookie.");
    }

    private Optional<TokenClaims> bearer(String authorization) {
        if (!present(authorization)) {
            return Optional.empty();
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiProblem.unauthorized("invalid_token", "The Authorization header must carry a Bearer token.");
        }
        return Optional.of(verifier.verify(authorization.substring(BEARER.length()).strip()));
    }

    private Caller resolve(TokenClaims claims) {
        return claims.tenants()
                .map(claimed -> Caller.of(claims.user(), claimed, claims.groups(), claims.expiresAt()))
                .orElseGet(() -> Caller.member(claims.user(), memberships.tenantsOf(claims.user()),
                        claims.groups(), claims.expiresAt()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
