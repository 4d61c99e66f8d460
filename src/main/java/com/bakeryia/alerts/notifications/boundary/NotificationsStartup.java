package com.bakeryia.alerts.notifications.boundary;

import com.bakeryia.alerts.notifications.control.DeliveryDispatcher;
import com.bakeryia.alerts.notifications.control.Transports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Reads the transports' settings (one log line each) and starts the dispatcher thread. */
@ApplicationScoped
public class NotificationsStartup {

    @Inject
    Transports transports;

    @Inject
    DeliveryDispatcher dispatcher;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        transports.configured();
        dispatcher.start();
    }
}
