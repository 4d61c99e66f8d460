package com.bakeryia.alerts.messaging.control;

import com.bakeryia.alerts.store.control.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * Dead letters of the real-services mode: published, confirmed, to the dead-letter exchange with
 * the reason in headers, before the listener's transaction commits and the original is
 * acknowledged. A crash in between leaves the original to be redelivered and dead-lettered again:
 * a dead letter may be duplicated, never lost.
 */
@ApplicationScoped
@Broker(Brokers.RABBITMQ)
public class RabbitDeadLetters implements DeadLetters {

    static final String ROUTING_KEY = "alert.invalid";

    @Inject
    RabbitBroker broker;

    @Inject
    RabbitSettings settings;

    @Override
    public void send(byte[] body, String code, String reason) {
        broker.publishConfirmed(
                settings.deadLetterExchange(),
                ROUTING_KEY,
                RabbitBroker.properties(UUID.randomUUID().toString(), Map.of(REASON_CODE, code, REASON, reason)),
                body);
    }
}
