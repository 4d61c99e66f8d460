package com.bakeryia.alerts.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.platform.ApiProblem;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code ?tenant=}, whatever its value: a non-empty subset of the caller's tenants, or 403. */
class CallerProperties {

    final Caller carol = Caller.of("carol", List.of("bakery-centro", "bakery-norte"), List.of("user"));

    @Property(tries = 500)
    void narrowingNeverWidensAndNeverFailsOtherwise(@ForAll("tenantParameters") String requested) {
        try {
            Set<String> tenants = carol.narrowTenants(requested);
            assertFalse(tenants.isEmpty());
            assertTrue(carol.tenants().containsAll(tenants), tenants.toString());
        } catch (ApiProblem problem) {
            assertEquals(403, problem.status().getStatusCode());
            assertEquals("tenant_forbidden", problem.code());
        }
    }

    @Provide
    Arbitrary<String> tenantParameters() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(
                        "bakery-centro",
                        "bakery-norte",
                        "bakery-sur",
                        " bakery-centro ",
                        "",
                        " ",
                        ",",
                        "BAKERY-CENTRO",
                        "bakery-centro\0",
                        "\u00a0bakery-norte"),
                Arbitraries.strings().all().ofMaxLength(20));
        return Arbitraries.oneOf(
                pieces.list().ofMaxSize(5).map(list -> String.join(",", list)),
                Arbitraries.strings().all().ofMaxLength(300));
    }
}
