package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;

/** How a consumer slot reaches the broker: {@link JmsClientBroker} in the adapter, a fake in tests. */
interface Broker {

    /**
     * A new, not yet started JMS connection, named {@code connectionName} on the broker, whose
     * channels and consumers report to {@code watcher}.
     */
    Connection connect(String connectionName, BrokerWatch.Listener watcher) throws JMSException;

    /** The queue to consume. */
    Destination queue();
}
