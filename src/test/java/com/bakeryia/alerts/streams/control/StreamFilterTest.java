package com.bakeryia.alerts.streams.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import com.bakeryia.alerts.store.entity.Severity;
import org.junit.jupiter.api.Test;

class StreamFilterTest {

    static PublishedAlert alert(String service, String type, Severity severity) {
        return new PublishedAlert(1, 1, "a1", "t1", service, type, severity, service + "_alert", "{}");
    }

    @Test
    void noParametersMatchEverything() {
        StreamFilter filter = StreamFilter.parse(null, "", " ");
        assertEquals(StreamFilter.NONE, filter);
        assertTrue(filter.matches(alert("orders", "late", Severity.LOW)));
    }

    @Test
    void everyGivenDimensionMustMatch() {
        StreamFilter filter = StreamFilter.parse("urgent, high", "inventory,production", "low_stock");
        assertTrue(filter.matches(alert("inventory", "low_stock", Severity.HIGH)));
        assertFalse(filter.matches(alert("inventory", "low_stock", Severity.MEDIUM)));
        assertFalse(filter.matches(alert("orders", "low_stock", Severity.URGENT)));
        assertFalse(filter.matches(alert("production", "oven_failed", Severity.URGENT)));
    }

    @Test
    void equalFiltersHaveOneKeyWhateverTheOrder() {
        assertEquals(
                StreamFilter.parse("high,urgent", "b,a", null).key(),
                StreamFilter.parse("urgent,high", "a,b", "").key());
    }

    @Test
    void refusesValuesThatCanNeverMatch() {
        ApiProblem severity = assertThrows(ApiProblem.class, () -> StreamFilter.parse("critical", null, null));
        assertEquals(400, severity.status().getStatusCode());
        assertTrue(severity.getMessage().contains("severity"));
        assertThrows(ApiProblem.class, () -> StreamFilter.parse(null, "Inventory Service", null));
        assertThrows(ApiProblem.class, () -> StreamFilter.parse(null, null, "bad type!"));
    }
}
