package com.bakeryia.alerts.store.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.store.entity.ItemType;
import com.bakeryia.alerts.store.entity.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertParserTest {

    static final String VALID = """
            {"id": "5f0c6c0e-4c1e-4a43-9a53-1b0f7d1f2a10", "tenant_id": "bakery-centro", "item_type": "alert",
             "service": "inventory", "type": "low_stock", "severity": "high", "title": "Flour low",
             "message": "12 kg left", "actions": ["reorder"], "metadata": {"sku": "F-1"},
             "timestamp": "2026-11-27T08:00:00+01:00", "extra": "ignored"}""";

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static InvalidAlert invalid(String text) {
        return assertThrows(InvalidAlert.class, () -> AlertParser.parse(bytes(text)));
    }

    @Test
    void acceptsTheContractMessageAndIgnoresUnknownFields() throws InvalidAlert {
        AlertSubmission alert = AlertParser.parse(bytes(VALID));
        assertEquals("5f0c6c0e-4c1e-4a43-9a53-1b0f7d1f2a10", alert.id());
        assertEquals("bakery-centro", alert.tenantId());
        assertEquals(ItemType.ALERT, alert.itemType());
        assertEquals(Severity.HIGH, alert.severity());
        assertEquals("[\"reorder\"]", alert.actions().toString());
        assertEquals("F-1", alert.metadata().getString("sku"));
        assertEquals(Instant.parse("2026-11-27T07:00:00Z"), alert.timestamp());
    }

    @Test
    void defaultsOptionalFields() throws InvalidAlert {
        AlertSubmission alert = AlertParser.parse(bytes("""
                {"id": "a1", "tenant_id": "t1", "service": "orders", "type": "late", "severity": "low", "title": "Late"}"""));
        assertEquals(ItemType.ALERT, alert.itemType());
        assertEquals("", alert.message());
        assertTrue(alert.actions().isEmpty());
        assertTrue(alert.metadata().isEmpty());
    }

    @Test
    void readsNotifications() throws InvalidAlert {
        assertEquals(
                ItemType.NOTIFICATION,
                AlertParser.parse(bytes(VALID.replace("\"alert\"", "\"notification\"")))
                        .itemType());
    }

    @Test
    void refusesMalformedJson() {
        assertEquals("malformed_json", invalid("{\"id\": ").code());
        assertEquals("malformed_json", invalid("[1, 2]").code());
        assertEquals("malformed_json", invalid("not json").code());
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        InvalidAlert e = assertThrows(
                InvalidAlert.class, () -> AlertParser.parse(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
        assertEquals("malformed_json", e.code());
    }

    @Test
    void refusesAnEmptyBody() {
        assertEquals(
                "empty_body",
                assertThrows(InvalidAlert.class, () -> AlertParser.parse(new byte[0]))
                        .code());
    }

    @ParameterizedTest
    @CsvSource({"id", "tenant_id", "service", "type", "severity", "title"})
    void namesAMissingRequiredField(String field) {
        String text = VALID.replaceFirst("\"" + field + "\":", "\"renamed_" + field + "\":");
        InvalidAlert e = invalid(text);
        assertEquals("missing_field", e.code());
        assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
    }

    @Test
    void namesAnUnknownSeverity() {
        InvalidAlert e = invalid(VALID.replace("\"high\"", "\"catastrophic\""));
        assertEquals("invalid_field", e.code());
        assertTrue(e.getMessage().contains("'severity'") && e.getMessage().contains("urgent, high, medium, low"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"service\": \"inventory\"|\"service\": \"Inventory Service\"|service",
                "\"item_type\": \"alert\"|\"item_type\": \"memo\"|item_type",
                "\"actions\": [\"reorder\"]|\"actions\": \"reorder\"|actions",
                "\"metadata\": {\"sku\": \"F-1\"}|\"metadata\": 5|metadata",
                "\"timestamp\": \"2026-11-27T08:00:00+01:00\"|\"timestamp\": \"yesterday\"|timestamp",
                "\"title\": \"Flour low\"|\"title\": \"   \"|title",
                "\"id\": \"5f0c6c0e-4c1e-4a43-9a53-1b0f7d1f2a10\"|\"id\": 42|id",
                "\"tenant_id\": \"bakery-centro\"|\"tenant_id\": \"../etc\"|tenant_id"
            })
    void namesAnInvalidField(String from, String to, String field) {
        InvalidAlert e = invalid(VALID.replace(from, to));
        assertEquals("invalid_field", e.code());
        assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
    }

    @Test
    void refusesMoreThan64KiB() {
        String padding = "x".repeat(AlertParser.MAX_BYTES);
        InvalidAlert e = invalid(VALID.replace("12 kg left", padding));
        assertEquals("too_large", e.code());
        assertTrue(e.getMessage().contains("65536"));
    }

    @Test
    void acceptsExactly64KiB() throws InvalidAlert {
        String base = VALID.replace("12 kg left", "");
        String padded = VALID.replace("12 kg left", "x".repeat(AlertParser.MAX_BYTES - bytes(base).length));
        assertEquals(AlertParser.MAX_BYTES, bytes(padded).length);
        AlertParser.parse(bytes(padded));
    }

    @Test
    void readsAtMostOneBytePastTheLimit() throws Exception {
        byte[] huge = new byte[AlertParser.MAX_BYTES * 4];
        assertEquals(AlertParser.MAX_BYTES + 1, AlertParser.readLimited(new ByteArrayInputStream(huge)).length);
    }
}
