package com.bakeryia.alerts.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bakeryia.alerts.store.control.AlertParser;
import com.bakeryia.alerts.store.control.InvalidAlert;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RabbitAlertPublisherTest {

    @Test
    void routesAsProducersDo() throws InvalidAlert {
        var alert = AlertParser.parse("""
                {"id": "a1", "tenant_id": "t1", "service": "production", "type": "oven_failed",
                 "severity": "urgent", "title": "Oven 2"}""".getBytes(StandardCharsets.UTF_8));
        assertEquals("alert.urgent.production", RabbitAlertPublisher.routingKey(alert));
    }
}
