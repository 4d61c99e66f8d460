package com.bakeryia.alerts.messaging.control;

import com.bakeryia.alerts.store.control.AlertPublisher;
import com.bakeryia.alerts.store.control.AlertSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The real-services publisher: the same message any producer sends ({@code alerts.exchange},
 * routing key {@code alert.<severity>.<service>}), and it returns only once RabbitMQ has confirmed
 * it, so a 202 means the alert will be stored.
 */
@ApplicationScoped
@Broker(Brokers.RABBITMQ)
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
        broker.publishConfirmed(
                settings.exchange(),
                routingKey(alert),
                RabbitBroker.properties(alert.id(), Map.of("tenant_id", alert.tenantId())),
                body);
    }

    /** Also not ready while the resource adapter that feeds the listener is not installed. */
    @Override
    public String unreachableBecause() {
        return settings.missingAdapter()
                .map(RabbitSettings::missingAdapterMessage)
                .orElseGet(broker::unreachableBecause);
    }
}
