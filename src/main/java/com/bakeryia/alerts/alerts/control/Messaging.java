package com.bakeryia.alerts.alerts.control;

import com.bakeryia.alerts.rabbitmq.control.RabbitAlertPublisher;
import com.bakeryia.alerts.rabbitmq.control.RabbitDeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Picks the broker adapters from {@code MESSAGING}: {@code embedded} (Liberty's messaging engine,
 * through JMS) or {@code rabbitmq}. Only the chosen ones are ever created, so the other broker's
 * resources need not exist.
 */
@ApplicationScoped
public class Messaging {

    public static final String EMBEDDED = "embedded";
    public static final String RABBITMQ = "rabbitmq";

    @Inject
    @ConfigProperty(name = "messaging", defaultValue = EMBEDDED)
    String kind;

    @Inject
    Instance<JmsAlertPublisher> jmsPublisher;

    @Inject
    Instance<RabbitAlertPublisher> rabbitPublisher;

    @Inject
    Instance<JmsDeadLetters> jmsDeadLetters;

    @Inject
    Instance<RabbitDeadLetters> rabbitDeadLetters;

    public boolean rabbitmq() {
        return RABBITMQ.equals(kind);
    }

    @Produces
    AlertPublisher publisher() {
        return rabbitmq() ? rabbitPublisher.get() : jmsPublisher.get();
    }

    @Produces
    DeadLetters deadLetters() {
        return rabbitmq() ? rabbitDeadLetters.get() : jmsDeadLetters.get();
    }
}
