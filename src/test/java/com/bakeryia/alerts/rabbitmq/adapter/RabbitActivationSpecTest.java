package com.bakeryia.alerts.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

class RabbitActivationSpecTest {

    static RabbitActivationSpec valid() {
        RabbitActivationSpec spec = new RabbitActivationSpec();
        spec.setQueueName("alerts");
        return spec;
    }

    static String problem(RabbitActivationSpec spec) {
        return assertThrows(InvalidPropertyException.class, spec::validate).getMessage();
    }

    @Test
    void theDefaultsNeedOnlyAQueueName() throws InvalidPropertyException {
        ConsumerSettings settings = valid().settings();
        assertEquals("localhost", settings.host());
        assertEquals(5672, settings.port());
        assertEquals("/", settings.virtualHost());
        assertEquals(1, settings.prefetch());
        assertEquals(1, settings.concurrency());
        assertEquals(new Backoff(1_000, 60_000), settings.backoff());
        assertEquals(300_000, settings.deliveryTimeoutMillis());
        assertEquals(30_000, settings.consumerCheckIntervalMillis());
    }

    @Test
    void aMissingQueueNameSaysWhatItIs() {
        String message = problem(new RabbitActivationSpec());
        assertTrue(message.contains("queueName is required: the name of the existing queue to consume"), message);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        RabbitActivationSpec spec = new RabbitActivationSpec();
        spec.setHost(" ");
        spec.setPort(0);
        spec.setPrefetch(0);
        spec.setConcurrency(0);
        spec.setReconnectInitialBackoffMillis(5_000L);
        spec.setReconnectMaxBackoffMillis(1_000L);
        spec.setDeliveryTimeoutMillis(10);
        spec.setConsumerCheckIntervalMillis(50L);
        String message = problem(spec);
        for (String expected : new String[] {
            "queueName is required",
            "host is required",
            "port must be between 1 and 65535, was 0",
            "prefetch must be between 1 and 65535, was 0",
            "concurrency must be between 1 and 100, was 0",
            "reconnectMaxBackoffMillis must be at least reconnectInitialBackoffMillis (5000), was 1000",
            "deliveryTimeoutMillis must be at least 1000, was 10",
            "consumerCheckIntervalMillis must be 0 (no checks) or at least 100, was 50"
        }) {
            assertTrue(message.contains(expected), () -> "missing \"" + expected + "\" in: " + message);
        }
    }

    @Test
    void credentialsComeInPairsAndThePasswordIsNeverShown() {
        RabbitActivationSpec spec = valid();
        spec.setPassword("s3cr3t-pw");
        String message = problem(spec);
        assertTrue(message.contains("a password is set but no userName"), message);
        assertFalse(message.contains("s3cr3t-pw"), message);

        spec.setUserName("alerts-consumer");
        assertFalse(spec.toString().contains("s3cr3t-pw"));
        assertTrue(spec.toString().contains("password=<set>"));
    }

    @Test
    void aQueueNameLongerThanAmqpAllowsIsRejected() {
        RabbitActivationSpec spec = new RabbitActivationSpec();
        spec.setQueueName("q".repeat(256));
        assertTrue(problem(spec).contains("queueName must be at most 255 bytes"));
    }

    @Test
    void settingsAreASnapshotThatHidesThePassword() throws InvalidPropertyException {
        RabbitActivationSpec spec = valid();
        spec.setUserName("alerts-consumer");
        spec.setPassword("s3cr3t-pw");
        spec.setConcurrency(3);
        ConsumerSettings settings = spec.settings();
        spec.setConcurrency(9);
        assertEquals(3, settings.concurrency());
        assertEquals("s3cr3t-pw", settings.password());
        assertFalse(settings.toString().contains("s3cr3t-pw"), settings.toString());
    }
}
