package com.bakeryia.alerts.rabbitmq.control;

import com.bakeryia.alerts.alerts.control.AlertPublisher;
import com.bakeryia.alerts.alerts.control.AlertSubmission;
import com.bakeryia.alerts.alerts.control.QueueUnavailable;
import com.rabbitmq.client.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The real-services publisher: the same message any producer sends ({@code alerts.exchange},
 * routing key {@code alert.<severity>.<service>}), and it returns only once RabbitMQ has confirmed
 * it, so a 202 means the alert will be stored.
 */
@ApplicationScoped
@Typed(RabbitAlertPublisher.class)
public class RabbitAlertPublisher implements AlertPublisher {

    @Inject
    RabbitBroker broker;

    @Inject
    RabbitSettings settings;

    public static String routingKey(AlertSubmission alert) {
        return "alert." + alert.severity().wireName() + "." + alert.service();
    }

    @Override
    public void publish(AlertSubmission alert, byte[] body) {
        Channel channel = broker.borrow();
        try {
            channel.basicPublish(settings.exchange(), routingKey(alert), false,
                    RabbitBroker.properties(alert.id(), Map.of("tenant_id", alert.tenantId())), body);
            channel.waitForConfirmsOrDie(settings.publishTimeoutMillis());
            broker.release(channel);
        } catch (IOException | TimeoutException | RuntimeException e) {
            broker.discard(channel);
            throw new QueueUnavailable("RabbitMQ did not confirm alert " + alert.id(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.discard(channel);
            throw new QueueUnavailable("Interrupted while publishing alert " + alert.id(), e);
        }
    }

    @Override
    public String unreachableBecause() {
        return broker.unreachableBecause();
    }
}
