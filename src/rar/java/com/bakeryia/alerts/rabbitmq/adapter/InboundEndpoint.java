package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.resource.spi.work.WorkManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.logging.Logger;

/** One activated endpoint: {@code concurrency} consumer slots on its queue. */
final class InboundEndpoint {

    private static final Logger LOG = Logger.getLogger(InboundEndpoint.class.getName());

    private final Endpoint endpoint;
    private final ConsumerSettings settings;
    private final List<ConsumerSlot> slots = new ArrayList<>();

    InboundEndpoint(Endpoint endpoint, ConsumerSettings settings, Broker broker, WorkManager workManager, Timer timer) {
        this.endpoint = endpoint;
        this.settings = settings;
        for (int number = 1; number <= settings.concurrency(); number++) {
            slots.add(new ConsumerSlot(number, settings, endpoint, broker, workManager, timer));
        }
    }

    /** Returns at once; the slots connect on WorkManager threads. */
    void start() {
        if (settings.prefetch() > 1) {
            LOG.warning(() -> "RabbitMQ endpoint " + endpoint.name() + ": prefetch " + settings.prefetch()
                    + " lets a recovered message take the ones prefetched behind it back to the queue while they"
                    + " are still delivered, so they may be processed twice; use prefetch 1 and more concurrency");
        }
        slots.forEach(ConsumerSlot::start);
        LOG.info(() -> "RabbitMQ endpoint " + endpoint.name() + " activated: " + settings.concurrency()
                + " consumer(s) of queue " + settings.queueLocation() + ", user "
                + (settings.userName() == null ? "guest (the client's default)" : settings.userName())
                + ", prefetch " + settings.prefetch() + ", "
                + (endpoint.transacted() ? "acknowledging after each commit" : "acknowledging after each return"));
    }

    /** Returns when every slot has closed its connection. */
    void stop() {
        slots.forEach(ConsumerSlot::stop);
        LOG.info(() -> "RabbitMQ endpoint " + endpoint.name() + " deactivated: queue " + settings.queueLocation());
    }

    List<ConsumerSlot> slots() {
        return List.copyOf(slots);
    }
}
