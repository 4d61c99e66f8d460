package com.bakeryia.alerts.auth.boundary;

import com.bakeryia.alerts.auth.control.AccessRules;
import com.bakeryia.alerts.auth.control.Caller;
import com.bakeryia.alerts.auth.control.Callers;
import com.bakeryia.alerts.auth.control.CurrentCaller;
import com.bakeryia.alerts.auth.control.StreamCredentials;
import com.bakeryia.alerts.auth.control.TokenClaims;
import com.bakeryia.alerts.auth.control.VerifiedToken;
import com.bakeryia.alerts.platform.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Set;

/**
 * Enforces every resource method's {@code @PermitAll} / {@code @RolesAllowed} / {@code @DenyAll}
 * ({@link AccessRules}; none of them means refused) before the method runs, with the API's JSON
 * errors: 401 {@code missing_token}, {@code invalid_token}, {@code token_expired},
 * {@code invalid_ticket}; 403 {@code forbidden} naming the group. Tokens are verified by the
 * application ({@code docs/adr/0001}), from the Authorization header, and for
 * {@link StreamCredentials} methods also from a ticket, the query or the cookie.
 *
 * <p>The verified caller goes to {@link CurrentCaller} (and so to {@code JsonWebToken}), and becomes
 * the request's {@link SecurityContext}: should a Liberty security feature ever add its own
 * enforcement of these annotations (it runs after this filter, at the default priority, and asks
 * the SecurityContext first), it sees the same caller and roles instead of challenging with its
 * own body-less 401. CORS preflights never reach this filter: {@code platform.Cors} answers them
 * before matching.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Inject
    Callers callers;

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        AccessRules rules = method == null
                ? new AccessRules(AccessRules.Kind.UNDECLARED, Set.of())
                : AccessRules.of(method, resourceInfo.getResourceClass());
        try {
            if (!rules.needsToken()) {
                if (!rules.allows(Set.of())) {
                    throw ApiProblem.forbidden("forbidden", rules.refusal());
                }
                return;
            }
            Callers.Authentication authentication = method.isAnnotationPresent(StreamCredentials.class)
                    ? fromStreamCredentials(request)
                    : callers.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            current.authenticated(authentication);
            request.setSecurityContext(new TokenSecurityContext(
                    authentication.claims(),
                    new VerifiedToken(authentication.claims(), authentication.rawToken()),
                    request.getSecurityContext()));
            if (!rules.allows(authentication.claims().groups())) {
                throw ApiProblem.forbidden("forbidden", rules.refusal());
            }
        } catch (ApiProblem problem) {
            request.abortWith(problem.toResponse());
        }
    }

    private Callers.Authentication fromStreamCredentials(ContainerRequestContext request) {
        MultivaluedMap<String, String> query;
        try {
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            // RESTEasy decodes the whole query here and refuses a malformed escape such as "%".
            throw ApiProblem.badRequest("invalid_parameter", "The query string is not valid percent-encoding.");
        }
        Cookie cookie = request.getCookies().get(Callers.TOKEN_COOKIE);
        return callers.authenticateStream(
                request.getHeaderString(HttpHeaders.AUTHORIZATION),
                query.getFirst("ticket"),
                query.getFirst("token"),
                cookie == null ? null : cookie.getValue());
    }

    /** The verified caller as JAX-RS sees it: roles are token groups, {@code **} any caller. */
    record TokenSecurityContext(TokenClaims claims, Principal principal, SecurityContext original)
            implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return Caller.AUTHENTICATED.equals(role) || claims.groups().contains(role);
        }

        @Override
        public boolean isSecure() {
            return original != null && original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }

        @Override
        public String toString() {
            return "TokenSecurityContext[user=" + claims.user() + "]";
        }
    }
}
