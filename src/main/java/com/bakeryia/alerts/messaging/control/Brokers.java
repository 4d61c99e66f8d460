package com.bakeryia.alerts.messaging.control;

import com.bakeryia.alerts.store.control.AlertPublisher;
import com.bakeryia.alerts.store.control.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Picks the broker adapters from {@code MESSAGING}: {@code embedded} (Liberty's messaging engine,
 * through JMS) or {@code rabbitmq}. Every adapter carries its broker's {@link Broker} qualifier; the
 * unqualified {@link AlertPublisher} and {@link DeadLetters} that the rest of the application
 * injects are the configured broker's. Only the chosen ones are ever created, so the other broker's
 * resources need not exist.
 */
@ApplicationScoped
public class Brokers {

    public static final String EMBEDDED = "embedded";
    public static final String RABBITMQ = "rabbitmq";

    @Inject
    @ConfigProperty(name = "messaging", defaultValue = EMBEDDED)
    String kind;

    @Inject
    @Any
    Instance<AlertPublisher> publishers;

    @Inject
    @Any
    Instance<DeadLetters> deadLetters;

    public boolean rabbitmq() {
        return RABBITMQ.equals(kind);
    }

    @Produces
    AlertPublisher publisher() {
        return publishers.select(configured()).get();
    }

    @Produces
    DeadLetters deadLetters() {
        return deadLetters.select(configured()).get();
    }

    private Broker configured() {
        return new Broker.Literal(kind);
    }
}
