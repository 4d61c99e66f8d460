package com.bakeryia.alerts.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void namesEachCauseIncludingJmsLinkedExceptions() {
        JMSException jms = new JMSException("RabbitMQ connection was refused");
        jms.setLinkedException(new IOException("Connection refused"));
        assertEquals(
                "JMSException: RabbitMQ connection was refused (caused by IOException: Connection refused)",
                Failures.describe(jms));
    }

    @Test
    void shortensLongMessages() {
        String described = Failures.describe(new IllegalStateException("x".repeat(5_000)));
        assertTrue(described.length() < Failures.MAX_MESSAGE_LENGTH + 40, described);
        assertTrue(described.endsWith("..."));
    }
}
