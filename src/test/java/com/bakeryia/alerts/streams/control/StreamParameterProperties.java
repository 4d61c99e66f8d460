package com.bakeryia.alerts.streams.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.platform.Identifiers;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code /api/events}' filter parameters and its cursor, whatever a client sends: a filter or a
 * 400 {@code invalid_parameter}; a position or none (then the stream gets a resync). Never another
 * exception.
 */
class StreamParameterProperties {

    @Property(tries = 500)
    void anyFilterParametersGiveAFilterOrA400(
            @ForAll("csv") String severity, @ForAll("csv") String service, @ForAll("csv") String type) {
        try {
            StreamFilter filter = StreamFilter.parse(severity, service, type);
            assertTrue(filter.services().stream()
                    .allMatch(s -> Identifiers.SERVICE.matcher(s).matches()));
            assertTrue(filter.types().stream()
                    .allMatch(t -> Identifiers.TYPE.matcher(t).matches()));
            assertTrue(filter.severities().size() <= 4);
        } catch (ApiProblem problem) {
            assertEquals(400, problem.status().getStatusCode());
            assertEquals("invalid_parameter", problem.code());
        }
    }

    @Property(tries = 500)
    void anyCursorGivesAPositivePositionOrNone(@ForAll("cursors") String cursor) {
        OptionalLong position = StreamReplay.position(cursor);
        position.ifPresent(p -> assertTrue(p > 0 && p < 1_000_000_000_000_000_000L, Long.toString(p)));
    }

    @Provide
    Arbitrary<String> csv() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(
                        "urgent",
                        "high",
                        "low",
                        "inventory",
                        "low_stock",
                        "URGENT",
                        "",
                        " ",
                        "a".repeat(33),
                        "x".repeat(65),
                        "in ventory",
                        "\0",
                        "\ud800"),
                Arbitraries.strings().all().ofMaxLength(16));
        return Arbitraries.oneOf(
                pieces.list().ofMaxSize(40).map(list -> String.join(",", list)),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> cursors() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.strings().numeric().ofMaxLength(40),
                Arbitraries.of(
                        "0",
                        "00",
                        " 7 ",
                        "-1",
                        "+1",
                        "1e3",
                        "0x10",
                        "999999999999999999",
                        "9999999999999999999",
                        "\u0661\u0662",
                        "1\0",
                        "",
                        " "),
                Arbitraries.strings().all().ofMaxLength(100),
                Arbitraries.just(null));
    }

    @Example
    void cursorsThatNameAPosition() {
        assertEquals(OptionalLong.of(7), StreamReplay.position(" 7 "));
        assertEquals(OptionalLong.of(999_999_999_999_999_999L), StreamReplay.position("999999999999999999"));
        assertEquals(OptionalLong.empty(), StreamReplay.position("0"));
        assertEquals(OptionalLong.empty(), StreamReplay.position("9999999999999999999"));
        assertEquals(OptionalLong.empty(), StreamReplay.position("\u0661"));
    }
}
