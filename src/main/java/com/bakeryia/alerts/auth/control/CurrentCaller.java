package com.bakeryia.alerts.auth.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling in this request, as the access filter ({@code auth.boundary.AccessFilter})
 * authenticated it before the resource method runs. Resources inject this (or
 * {@code JsonWebToken}) instead of reading credentials themselves.
 *
 * <p>The tenants are resolved on first use only: reading the membership table is work that, say,
 * issuing a stream ticket (which keeps the claims as they are) does not need. {@link Caller} is a
 * record, which CDI cannot proxy, so it is reached through {@link #caller()} rather than injected
 * itself; {@code JsonWebToken} is produced here as a request-scoped bean.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    Callers callers;

    private Callers.Authentication authentication;
    private Caller caller;

    /** Called once per request, by the access filter, with the verified token. */
    public void authenticated(Callers.Authentication authentication) {
        this.authentication = authentication;
        this.caller = null;
    }

    /** The verified claims, unresolved. @throws IllegalStateException on a method that needs no token */
    public TokenClaims claims() {
        return required().claims();
    }

    /** The caller with its tenants (from the token's claim or the membership table). */
    public Caller caller() {
        if (caller == null) {
            caller = callers.resolve(claims());
        }
        return caller;
    }

    /** The MicroProfile JWT view of this request's token; {@link VerifiedToken#ANONYMOUS} without one. */
    @Produces
    @RequestScoped
    @Typed(JsonWebToken.class) // not also java.security.Principal, which the container provides
    JsonWebToken jsonWebToken() {
        return authentication == null
                ? VerifiedToken.ANONYMOUS
                : new VerifiedToken(authentication.claims(), authentication.rawToken());
    }

    private Callers.Authentication required() {
        if (authentication == null) {
            throw new IllegalStateException("No authenticated caller: the method must declare @RolesAllowed");
        }
        return authentication;
    }
}
