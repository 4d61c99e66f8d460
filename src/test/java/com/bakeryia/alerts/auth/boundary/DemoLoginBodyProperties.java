package com.bakeryia.alerts.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.platform.JsonMutations;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The {@code POST /api/auth/demo-login} body: a user name and a lifetime in range, or a 4xx. */
class DemoLoginBodyProperties {

    static final long LONGEST = 900;

    @Property(tries = 500)
    void anyBodyGivesANameAndALifetimeInRangeOrA4xx(@ForAll("bodies") String body) {
        try {
            var request = DemoLoginResource.parse(body);
            DemoLoginResource.username(request);
            long lifetime = DemoLoginResource.lifetime(request, LONGEST);
            assertTrue(lifetime >= 1 && lifetime <= LONGEST, Long.toString(lifetime));
        } catch (ApiProblem problem) {
            JsonMutations.assertClientError(problem);
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return JsonMutations.bodiesLike("{\"username\": \"alice\", \"ttl_seconds\": 60}", "{\"username\": \"carol\"}");
    }

    @Example
    void aHugeLifetimeDoesNotWrapIntoRange() {
        // 2^64 + 5: longValue() would have made it 5 seconds.
        for (String ttl :
                new String[] {"18446744073709551621", "1e999999999", "5.5", "-1", "0", "1e-999999999", "\"5\""}) {
            try {
                DemoLoginResource.lifetime(
                        DemoLoginResource.parse("{\"username\": \"alice\", \"ttl_seconds\": " + ttl + "}"), LONGEST);
                throw new AssertionError(ttl + " accepted");
            } catch (ApiProblem problem) {
                assertEquals("invalid_field", problem.code(), ttl);
            }
        }
        assertEquals(5, DemoLoginResource.lifetime(DemoLoginResource.parse("{\"ttl_seconds\": 5.0}"), LONGEST));
        assertEquals(500, DemoLoginResource.lifetime(DemoLoginResource.parse("{\"ttl_seconds\": 5e2}"), LONGEST));
    }

    @Example
    void aDeepBodyIsTooDeep() {
        try {
            DemoLoginResource.parse(JsonMutations.deepObject(5_000));
            throw new AssertionError("accepted");
        } catch (ApiProblem problem) {
            assertEquals("too_deep", problem.code());
        }
    }
}
