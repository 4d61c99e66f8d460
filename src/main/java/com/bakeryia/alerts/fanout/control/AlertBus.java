package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.alerts.entity.StoredAlert;

/** Carries a committed alert to the streams of every server of the deployment. */
public interface AlertBus {

    void publish(StoredAlert alert);
}
