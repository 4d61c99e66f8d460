package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.platform.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Authenticates the caller of a request from its bearer token: the Authorization header, or, for
 * event streams (a browser's EventSource cannot send headers), the {@code ?token=} parameter.
 */
@ApplicationScoped
public class Callers {

    private static final String BEARER = "Bearer ";

    @Inject
    TokenVerifier verifier;

    /**
     * @param authorization the Authorization header, if any
     * @param queryToken    the {@code ?token=} parameter, if the endpoint accepts one
     * @throws ApiProblem 401 when no token is given or the token is not valid
     */
    public Caller authenticate(String authorization, String queryToken) {
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw ApiProblem.unauthorized("invalid_token", "The Authorization header must carry a Bearer token.");
            }
            return verifier.verify(authorization.substring(BEARER.length()).strip());
        }
        if (queryToken != null && !queryToken.isBlank()) {
            return verifier.verify(queryToken);
        }
        throw ApiProblem.unauthorized("missing_token", queryToken == null
                ? "A bearer token is required in the Authorization header."
                : "A bearer token is required (Authorization header, or ?token= for event streams).");
    }
}
