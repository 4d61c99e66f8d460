package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import java.util.List;

/** Carries positioned alerts to the streams of every server of the deployment. */
public interface AlertBus {

    /**
     * @param alerts in position order
     * @throws RuntimeException when they could not be handed over; the relay tries again later
     */
    void publish(List<PublishedAlert> alerts);

    /** Where the bus goes, for log messages. */
    String where();
}
