package com.bakeryia.alerts.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallersTest {

    @Test
    void readsStringListClaimsInEveryShapeTheyArrive() {
        assertEquals(List.of(), Callers.strings(null));
        assertEquals(List.of("a", "b"), Callers.strings(Json.createArrayBuilder().add("a").add("b").build()));
        assertEquals(List.of("a", "b"), Callers.strings(List.of("a", "b")));
        assertEquals(List.of("a"), Callers.strings(Json.createValue("a")));
        assertEquals(List.of("a"), Callers.strings("a"));
    }
}
