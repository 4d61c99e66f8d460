package com.bakeryia.alerts.fanout.boundary;

import com.bakeryia.alerts.fanout.control.AlertRelay;
import com.bakeryia.alerts.fanout.control.FanOutSettings;
import com.bakeryia.alerts.streams.control.InOrderDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Starts the relay thread, and the Redis subscriber thread when Redis is configured. */
@ApplicationScoped
public class FanOutStartup {

    @Inject
    FanOutSettings settings;

    @Inject
    AlertRelay relay;

    @Inject
    RedisSubscriber subscriber;

    @Inject
    InOrderDelivery order;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        order.start();
        if (settings.redis().isPresent()) {
            subscriber.start();
        }
        relay.start();
    }
}
