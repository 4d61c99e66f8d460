package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.alerts.entity.StoredAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

/**
 * The cross-server fan-out: every committed alert goes out on Redis {@code alerts:<tenant>} through
 * the {@link AlertRelay}, which publishes what the database says is unpublished, so an alert stored
 * while Redis is away goes out once it is back.
 */
@ApplicationScoped
@Typed(RedisAlertBus.class)
public class RedisAlertBus implements AlertBus {

    @Inject
    AlertRelay relay;

    @Override
    public void publish(StoredAlert alert) {
        relay.wake();
    }
}
