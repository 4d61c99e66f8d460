package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import com.bakeryia.alerts.streams.control.InOrderDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;

/** The single-server fan-out of the embedded mode: straight to this server's broadcasters. */
@ApplicationScoped
@Typed(LocalAlertBus.class)
public class LocalAlertBus implements AlertBus {

    @Inject
    InOrderDelivery order;

    @Override
    public void publish(List<PublishedAlert> alerts) {
        alerts.forEach(order::accept);
    }

    @Override
    public String where() {
        return "this server's streams";
    }
}
