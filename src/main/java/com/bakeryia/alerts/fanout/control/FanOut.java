package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.alerts.entity.StoredAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** The seam between storing and streaming: an alert is published only once its transaction committed. */
@ApplicationScoped
public class FanOut {

    @Inject
    AlertBus bus;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoredAlert alert) {
        bus.publish(alert);
    }
}
