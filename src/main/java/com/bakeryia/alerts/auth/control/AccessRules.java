package com.bakeryia.alerts.auth.control;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may call a resource method, read from its Jakarta annotations the way Jakarta EE reads them:
 * the method's own {@code @DenyAll}, {@code @RolesAllowed} or {@code @PermitAll} first, else its
 * class's. A method that declares none, at either level, is refused: a forgotten annotation must
 * close an endpoint, not open it. Should one level carry more than one of the three (an error in
 * Jakarta's terms), the most restrictive counts.
 *
 * <p>{@code @RolesAllowed} names token groups; the caller needs any one of them, and
 * {@value Caller#AUTHENTICATED} means any caller with a valid token.
 */
public record AccessRules(Kind kind, Set<String> roles) {

    public enum Kind {
        /** {@code @PermitAll}: no token needed (one presented is ignored). */
        PERMIT_ALL,
        /** {@code @RolesAllowed}: a valid token, carrying one of the roles. */
        ROLES_ALLOWED,
        /** {@code @DenyAll}: nobody. */
        DENY_ALL,
        /** None of the three: nobody, deny by default. */
        UNDECLARED
    }

    public AccessRules {
        roles = Set.copyOf(roles);
    }

    /** The rules of a resource method: its own annotations, else those of its resource class. */
    public static AccessRules of(Method method, Class<?> resourceClass) {
        AccessRules own = declaredOn(method);
        if (own.kind != Kind.UNDECLARED) {
            return own;
        }
        return resourceClass == null ? own : declaredOn(resourceClass);
    }

    /** The rules one element declares itself ({@link Kind#UNDECLARED} if none). */
    public static AccessRules declaredOn(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return new AccessRules(Kind.DENY_ALL, Set.of());
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return new AccessRules(Kind.ROLES_ALLOWED, new LinkedHashSet<>(List.of(roles.value())));
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return new AccessRules(Kind.PERMIT_ALL, Set.of());
        }
        return new AccessRules(Kind.UNDECLARED, Set.of());
    }

    /** Whether the caller must present a valid token before anything else is decided. */
    public boolean needsToken() {
        return kind == Kind.ROLES_ALLOWED;
    }

    /** Whether a caller with a valid token carrying these groups may proceed. */
    public boolean allows(Collection<String> groups) {
        return switch (kind) {
            case PERMIT_ALL -> true;
            case ROLES_ALLOWED ->
                roles.contains(Caller.AUTHENTICATED) || roles.stream().anyMatch(groups::contains);
            case DENY_ALL, UNDECLARED -> false;
        };
    }

    /** The sentence of a 403 for a caller that {@link #allows} refuses. */
    public String refusal() {
        return switch (kind) {
            case DENY_ALL -> "This operation is not available to any caller.";
            case UNDECLARED -> "This operation declares no access rule, so it is closed.";
            case PERMIT_ALL -> "";
            case ROLES_ALLOWED ->
                roles.size() == 1
                        ? "The token does not carry the group '"
                                + roles.iterator().next() + "'."
                        : "The token carries none of the groups '" + String.join("', '", roles) + "'.";
        };
    }
}
