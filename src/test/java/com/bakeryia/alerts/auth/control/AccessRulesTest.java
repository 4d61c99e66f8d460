package com.bakeryia.alerts.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The access filter's decisions, from the annotations to allow or refuse. */
class AccessRulesTest {

    @RolesAllowed("admins")
    static class AdminsByDefault {
        public void inherits() {}

        @PermitAll
        public void open() {}

        @RolesAllowed({"a", "b"})
        public void eitherGroup() {}

        @DenyAll
        public void closed() {}

        @RolesAllowed(Caller.AUTHENTICATED)
        public void anyCaller() {}

        @RolesAllowed({})
        public void noRoleAtAll() {}

        @PermitAll
        @DenyAll
        public void contradictory() {}
    }

    static class NothingDeclared {
        public void forgotten() {}

        @PermitAll
        public void open() {}
    }

    @DenyAll
    static class ClosedClass {
        public void inherits() {}

        @RolesAllowed("a")
        public void reopened() {}
    }

    static AccessRules rules(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return AccessRules.of(m, type);
    }

    @Test
    void aMethodWithoutAnnotationsTakesItsClasssRules() throws Exception {
        AccessRules rules = rules(AdminsByDefault.class, "inherits");
        assertEquals(AccessRules.Kind.ROLES_ALLOWED, rules.kind());
        assertTrue(rules.needsToken());
        assertTrue(rules.allows(List.of("user", "admins")));
        assertFalse(rules.allows(List.of("user")));
        assertEquals("The token does not carry the group 'admins'.", rules.refusal());
    }

    @Test
    void theMethodsOwnAnnotationWinsOverTheClasss() throws Exception {
        assertEquals(
                AccessRules.Kind.PERMIT_ALL,
                rules(AdminsByDefault.class, "open").kind());
        assertFalse(rules(AdminsByDefault.class, "open").needsToken());
        assertTrue(rules(AdminsByDefault.class, "open").allows(List.of()));
        assertEquals(
                AccessRules.Kind.DENY_ALL,
                rules(AdminsByDefault.class, "closed").kind());
        assertEquals(
                AccessRules.Kind.ROLES_ALLOWED,
                rules(ClosedClass.class, "reopened").kind());
        assertEquals(
                AccessRules.Kind.DENY_ALL, rules(ClosedClass.class, "inherits").kind());
    }

    @Test
    void anyOfTheNamedGroupsIsEnough() throws Exception {
        AccessRules rules = rules(AdminsByDefault.class, "eitherGroup");
        assertEquals(Set.of("a", "b"), rules.roles());
        assertTrue(rules.allows(List.of("b")));
        assertFalse(rules.allows(List.of("admins")));
        assertTrue(rules.refusal().contains("'a'") && rules.refusal().contains("'b'"), rules.refusal());
    }

    @Test
    void doubleStarNeedsAValidTokenButNoGroup() throws Exception {
        AccessRules rules = rules(AdminsByDefault.class, "anyCaller");
        assertTrue(rules.needsToken());
        assertTrue(rules.allows(List.of()));
    }

    @Test
    void nothingDeclaredAnywhereIsRefused() throws Exception {
        AccessRules rules = rules(NothingDeclared.class, "forgotten");
        assertEquals(AccessRules.Kind.UNDECLARED, rules.kind());
        assertFalse(rules.needsToken());
        assertFalse(rules.allows(List.of("admins", "user")));
        assertTrue(rules.refusal().contains("no access rule"));
        assertTrue(rules(NothingDeclared.class, "open").allows(List.of()));
    }

    @Test
    void denyAllAnEmptyRoleListAndContradictionsRefuseEveryone() throws Exception {
        assertFalse(rules(AdminsByDefault.class, "closed").allows(List.of("admins")));
        assertFalse(rules(AdminsByDefault.class, "noRoleAtAll").allows(List.of("admins")));
        assertEquals(
                AccessRules.Kind.DENY_ALL,
                rules(AdminsByDefault.class, "contradictory").kind());
    }
}
