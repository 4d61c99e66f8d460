package com.bakeryia.alerts.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bakeryia.alerts.platform.ApiProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    final Caller carol = Caller.of("carol", List.of("bakery-centro", "bakery-norte"), List.of("user"));

    @Test
    void noRequestedTenantMeansAllOfTheCallers() {
        assertEquals(Set.of("bakery-centro", "bakery-norte"), carol.narrowTenants(null));
        assertEquals(Set.of("bakery-centro", "bakery-norte"), carol.narrowTenants(" "));
    }

    @Test
    void narrowsToASubset() {
        assertEquals(Set.of("bakery-norte"), carol.narrowTenants("bakery-norte"));
        assertEquals(Set.of("bakery-norte", "bakery-centro"), carol.narrowTenants(" bakery-norte , bakery-centro "));
    }

    @Test
    void neverWidens() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> carol.narrowTenants("bakery-centro,bakery-sur"));
        assertEquals(403, problem.status().getStatusCode());
        assertEquals("tenant_forbidden", problem.code());
        assertThrows(ApiProblem.class, () -> carol.narrowTenants(","));
    }

    @Test
    void readsStringListClaimsAsArraysOrSingleStrings() {
        assertEquals(List.of(), Caller.strings(null));
        assertEquals(List.of("a", "b"), Caller.strings(List.of("a", "b")));
        assertEquals(List.of("a"), Caller.strings("a"));
    }
}
