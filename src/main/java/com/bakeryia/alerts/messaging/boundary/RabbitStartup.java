package com.bakeryia.alerts.messaging.boundary;

import com.bakeryia.alerts.messaging.control.Brokers;
import com.bakeryia.alerts.messaging.control.RabbitBroker;
import com.bakeryia.alerts.messaging.control.RabbitSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * In the real-services mode, connects and declares the topology as the application starts, so the
 * resource adapter finds its queue. If RabbitMQ is not there yet, readiness stays DOWN and every
 * readiness probe tries again. If the resource adapter's file is missing (a server started with
 * {@code liberty:run} from a clean build), it says so in one line, and readiness stays DOWN with
 * that reason (see {@link QueueReadiness}).
 */
@ApplicationScoped
public class RabbitStartup {

    private static final Logger LOG = Logger.getLogger(RabbitStartup.class.getName());

    @Inject
    Brokers brokers;

    @Inject
    RabbitBroker broker;

    @Inject
    RabbitSettings settings;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!brokers.rabbitmq()) {
            return;
        }
        settings.missingAdapter().ifPresent(location -> LOG.severe(RabbitSettings.missingAdapterMessage(location)));
        String problem = broker.unreachableBecause();
        if (problem != null) {
            LOG.warning("RabbitMQ is not reachable yet; the topology will be declared on reconnect: " + problem);
        }
    }
}
