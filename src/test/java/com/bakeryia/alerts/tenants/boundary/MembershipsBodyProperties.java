package com.bakeryia.alerts.tenants.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.platform.Identifiers;
import com.bakeryia.alerts.platform.JsonMutations;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The {@code PUT /api/admin/memberships/{user}} body: valid tenants, or a 4xx naming the problem. */
class MembershipsBodyProperties {

    @Property(tries = 500)
    void anyBodyGivesTenantsOrA4xx(@ForAll("bodies") String body) {
        try {
            List<String> tenants = MembershipsResource.tenants(body);
            assertTrue(tenants.stream().allMatch(t -> Identifiers.ID.matcher(t).matches()), tenants.toString());
        } catch (ApiProblem problem) {
            JsonMutations.assertClientError(problem);
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return JsonMutations.bodiesLike("{\"tenants\": [\"bakery-centro\", \"bakery-norte\"]}", "{\"tenants\": []}");
    }

    @Example
    void aDeepBodyIsTooDeep() {
        for (String body :
                new String[] {JsonMutations.deepObject(5_000), "{\"tenants\": [" + JsonMutations.deepArray(3_000) + "]}"
                }) {
            try {
                MembershipsResource.tenants(body);
                throw new AssertionError("accepted");
            } catch (ApiProblem problem) {
                assertEquals(400, problem.status().getStatusCode());
                assertEquals("too_deep", problem.code());
            }
        }
    }
}
