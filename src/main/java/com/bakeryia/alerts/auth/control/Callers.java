package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.platform.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves the caller of a request. The Authorization header is authenticated by MicroProfile
 * JWT before the request reaches the application; a token in the query string, which the runtime
 * does not look at, is verified here with the same settings.
 */
@ApplicationScoped
public class Callers {

    private static final String BEARER = "Bearer ";

    @Inject
    TokenVerifier verifier;

    /**
     * @param authorization the Authorization header, if any
     * @param queryToken    the {@code ?token=} parameter, if any (event streams only)
     */
    public Caller fromContext(SecurityContext security, String authorization, String queryToken) {
        Principal principal = security.getUserPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            return of(jwt);
        }
        // On paths that web.xml leaves open the runtime only authenticates a valid header; verify
        // what it passed over here too, so a bad or expired token gets its precise 401.
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return verifier.verify(authorization.substring(BEARER.length()).strip());
        }
        if (queryToken != null && !queryToken.isBlank()) {
            return verifier.verify(queryToken);
        }
        throw ApiProblem.unauthorized("missing_token",
                "A bearer token is required (Authorization header, or ?token= for event streams).");
    }

    static Caller of(JsonWebToken jwt) {
        String user = jwt.getName() != null ? jwt.getName() : jwt.getSubject();
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        return Caller.of(user, strings(jwt.getClaim(Caller.TENANTS_CLAIM)), groups);
    }

    /** A string-list claim, as JSON-P values (from the runtime) or Java collections (from jose4j). */
    static List<String> strings(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        if (claim instanceof JsonString string) {
            return List.of(string.getString());
        }
        return List.of(String.valueOf(claim));
    }
}
