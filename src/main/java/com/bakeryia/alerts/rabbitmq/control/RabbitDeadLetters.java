package com.bakeryia.alerts.rabbitmq.control;

import com.bakeryia.alerts.alerts.control.DeadLetters;
import com.bakeryia.alerts.alerts.control.QueueUnavailable;
import com.rabbitmq.client.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Dead letters of the real-services mode: published, confirmed, to the dead-letter exchange with
 * the reason in headers, before the listener's transaction commits and the original is
 * acknowledged. A crash in between leaves the original to be redelivered and dead-lettered again:
 * a dead letter may be duplicated, never lost.
 */
@ApplicationScoped
@Typed(RabbitDeadLetters.class)
public class RabbitDeadLetters implements DeadLetters {

    static final String ROUTING_KEY = "alert.invalid";

    @Inject
    RabbitBroker broker;

    @Inject
    RabbitSettings settings;

    @Override
    public void send(byte[] body, String code, String reason) {
        Channel channel = broker.borrow();
        try {
            channel.basicPublish(settings.deadLetterExchange(), ROUTING_KEY, false,
                    RabbitBroker.properties(UUID.randomUUID().toString(), Map.of(REASON_CODE, code, REASON, reason)), body);
            channel.waitForConfirmsOrDie(settings.publishTimeoutMillis());
            broker.release(channel);
        } catch (IOException | TimeoutException | RuntimeException e) {
            broker.discard(channel);
            throw new QueueUnavailable("Could not dead-letter a message (" + code + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.discard(channel);
            throw new QueueUnavailable("Interrupted while dead-lettering a message", e);
        }
    }
}
