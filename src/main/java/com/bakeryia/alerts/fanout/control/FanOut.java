package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.store.entity.StoredAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * The seam between storing and streaming: once an alert's transaction committed, the relay is woken
 * to give it a stream position and publish it.
 */
@ApplicationScoped
public class FanOut {

    @Inject
    AlertRelay relay;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoredAlert alert) {
        relay.wake();
    }
}
