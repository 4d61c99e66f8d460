package com.bakeryia.alerts.store.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.platform.JsonInput;
import com.bakeryia.alerts.platform.JsonMutations;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes arrive — over HTTP or from the queue — the parser returns an alert or throws
 * {@link InvalidAlert} with one of the documented codes: never another exception (which would be a
 * 500 over HTTP, and a redelivery up to the limit from the queue).
 */
class AlertParserProperties {

    static final Set<String> CODES =
            Set.of("empty_body", "too_large", "malformed_json", "too_deep", "missing_field", "invalid_field");

    static final String MINIMAL = """
            {"id": "a-1", "tenant_id": "bakery-centro", "service": "inventory", "type": "low_stock",
             "severity": "low", "title": "t"}""";

    @Property(tries = 1000)
    void mutatedAlertsAreAcceptedOrRefusedWithACode(@ForAll("mutatedAlerts") byte[] body) {
        assertAcceptedOrRefused(body);
    }

    @Property(tries = 300)
    void randomBytesAreRefusedWithACode(@ForAll("randomBytes") byte[] body) {
        assertAcceptedOrRefused(body);
    }

    @Property(tries = 300)
    void randomJsonIsRefusedWithACode(@ForAll("randomJson") String json) {
        assertAcceptedOrRefused(json.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> mutatedAlerts() {
        return JsonMutations.mutationsOf(AlertParserTest.VALID, MINIMAL);
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<String> randomJson() {
        return JsonMutations.randomJson();
    }

    static void assertAcceptedOrRefused(byte[] body) {
        try {
            AlertSubmission alert = AlertParser.parse(body);
            assertTrue(body.length <= AlertParser.MAX_BYTES);
            assertFalse(
                    alert.title().contains("\0")
                            || alert.message().contains("\0")
                            || alert.metadata().toString().contains("\\u0000"),
                    "a NUL went through");
        } catch (InvalidAlert refused) {
            assertTrue(CODES.contains(refused.code()), refused.code());
            assertFalse(refused.getMessage().isBlank());
        }
    }

    @Example
    void theTwoBodiesOfTheIssueAreTooDeep() {
        InvalidAlert deep = refused(JsonMutations.deepObject(5_000));
        assertEquals("too_deep", deep.code());
        InvalidAlert metadata =
                refused(MINIMAL.replace("}", ", \"metadata\": {\"d\": " + JsonMutations.deepArray(3_000) + "}}"));
        assertEquals("too_deep", metadata.code());
        assertTrue(metadata.getMessage().contains("64"), metadata.getMessage());
    }

    @Example
    void metadataMayNestUpToTheLimit() throws InvalidAlert {
        // The alert is level 1 and metadata level 2: 62 more levels fit, one more does not.
        String fits = MINIMAL.replace(
                "}", ", \"metadata\": {\"d\": " + JsonMutations.deepArray(JsonInput.MAX_DEPTH - 2) + "}}");
        assertEquals(
                1,
                AlertParser.parse(fits.getBytes(StandardCharsets.UTF_8))
                        .metadata()
                        .size());
        String over = MINIMAL.replace(
                "}", ", \"metadata\": {\"d\": " + JsonMutations.deepArray(JsonInput.MAX_DEPTH - 1) + "}}");
        assertEquals("too_deep", refused(over).code());
    }

    @Example
    void whatADatabaseCannotHoldIsRefusedAtOnce() {
        assertEquals(
                "invalid_field",
                refused(MINIMAL.replace("\"t\"", "\"nul\\u0000byte\"")).code());
        assertEquals(
                "invalid_field",
                refused(MINIMAL.replace("}", ", \"metadata\": {\"k\\u0000\": 1}}"))
                        .code());
        assertEquals(
                "invalid_field",
                refused(MINIMAL.replace("}", ", \"actions\": [\"\\ud800\"]}")).code());
        assertEquals(
                "invalid_field",
                refused(MINIMAL.replace("}", ", \"timestamp\": \"+10000-01-01T00:00:00Z\"}"))
                        .code());
        assertEquals(
                "malformed_json",
                refused(MINIMAL.replace("\"t\"", "\"nul\0byte\"")).code(),
                "a raw NUL is not JSON");
        byte[] invalidUtf8 = MINIMAL.replace("\"t\"", "\"t\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("malformed_json", assertRefused(invalidUtf8).code());
    }

    @Example
    void theSizeLimitIsExact() throws InvalidAlert {
        AlertParser.parse(JsonMutations.padded(MINIMAL, AlertParser.MAX_BYTES).getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "too_large",
                refused(JsonMutations.padded(MINIMAL, AlertParser.MAX_BYTES + 1))
                        .code());
    }

    static InvalidAlert refused(String body) {
        return assertRefused(body.getBytes(StandardCharsets.UTF_8));
    }

    static InvalidAlert assertRefused(byte[] body) {
        try {
            AlertParser.parse(body);
        } catch (InvalidAlert e) {
            return e;
        }
        throw new AssertionError("accepted");
    }
}
