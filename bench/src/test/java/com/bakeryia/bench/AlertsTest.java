package com.bakeryia.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AlertsTest {

    @Test
    void bodyFollowsTheMessageContractAndCarriesTheBenchMarkers() throws Exception {
        JsonNode a = new ObjectMapper().readTree(Alerts.body(12, 345, "bench-t045", 1795766400123456L));
        assertEquals("bench-12-345", a.path("id").asText());
        assertEquals("bench-t045", a.path("tenant_id").asText());
        assertEquals("alert", a.path("item_type").asText());
        assertEquals("inventory", a.path("service").asText());
        assertEquals("low_stock", a.path("type").asText());
        assertEquals("high", a.path("severity").asText());
        assertEquals("reorder", a.path("actions").get(0).asText());
        assertEquals(12, a.at("/metadata/bench_s").asLong());
        assertEquals(345, a.at("/metadata/bench_k").asLong());
        assertEquals(1795766400123456L, a.at("/metadata/bench_pub_us").asLong());
        assertEquals("2026-11-27T08:00:00.123Z", a.path("timestamp").asText());
        assertEquals("alert.high.inventory", Alerts.routingKey(345));
    }

    @Test
    void expectedCountsSplitAlertsOverTenants() {
        assertEquals(3, Receipts.expectedFor(0, 10, 25));
        assertEquals(3, Receipts.expectedFor(4, 10, 25));
        assertEquals(2, Receipts.expectedFor(5, 10, 25));
        assertEquals(0, Receipts.expectedFor(0, 10, 0));
    }
}
