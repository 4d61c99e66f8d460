package com.bakeryia.alerts.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any text gives a JSON value or a {@link JsonInput.BadJson} with one of its two codes, nothing else. */
class JsonInputProperties {

    @Property(tries = 500)
    void anyTextIsReadOrRefusedWithACode(@ForAll("texts") String text) {
        try {
            JsonInput.read(text);
            assertTrue(JsonInput.depth(text) <= JsonInput.MAX_DEPTH);
        } catch (JsonInput.BadJson e) {
            assertTrue(Set.of(JsonInput.MALFORMED, JsonInput.TOO_DEEP).contains(e.code()), e.code());
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                JsonMutations.randomJson(),
                JsonMutations.textMutationsOf(
                        "{\"tenants\": [\"a\", \"b\"]}", "{\"username\": \"alice\", \"ttl_seconds\": 5}"),
                Arbitraries.strings().all().ofMaxLength(200));
    }

    @Example
    void theLimitIsSixtyFourLevels() throws JsonInput.BadJson {
        JsonInput.read(JsonMutations.deepArray(JsonInput.MAX_DEPTH));
        JsonInput.read(JsonMutations.deepObject(JsonInput.MAX_DEPTH));
        for (String deep : new String[] {
            JsonMutations.deepArray(JsonInput.MAX_DEPTH + 1),
            JsonMutations.deepObject(5_000),
            JsonMutations.deepArray(3_000)
        }) {
            try {
                JsonInput.read(deep);
                throw new AssertionError("read");
            } catch (JsonInput.BadJson e) {
                assertEquals(JsonInput.TOO_DEEP, e.code());
            }
        }
    }

    @Example
    void bracketsInsideStringsDoNotCount() throws JsonInput.BadJson {
        JsonInput.read("{\"a\": \"" + "[{".repeat(1_000) + "\\\"\"}");
        assertEquals(1, JsonInput.depth("{\"a\": \"" + "[{".repeat(1_000) + "\\\"\"}"));
    }
}
