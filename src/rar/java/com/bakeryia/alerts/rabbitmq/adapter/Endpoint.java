package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Method;

/**
 * One activated message endpoint, as deliveries need it.
 *
 * @param name the server's name for the activation, for log lines
 * @param factory creates an endpoint (a bean instance's proxy) per delivery
 * @param onMessage {@code MessageListener.onMessage}, the method the deliveries call
 * @param transacted whether the container runs {@code onMessage} in a transaction it starts in
 *     {@code beforeDelivery}; then a message is acknowledged only if that transaction commits
 * @param transactions where to learn how that transaction ended; needed only if transacted
 */
record Endpoint(
        String name,
        MessageEndpointFactory factory,
        Method onMessage,
        boolean transacted,
        TransactionSynchronizationRegistry transactions) {}
