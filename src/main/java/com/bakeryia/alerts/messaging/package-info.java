/**
 * The brokers behind the alerts queue, chosen by {@code MESSAGING}: Liberty's embedded messaging
 * engine (JMS) or RabbitMQ (topology, confirmed publishing, dead letters with their reason), each
 * an adapter of the ports {@code store.control.AlertPublisher} and {@code DeadLetters}, and the
 * queue's readiness. The message-driven bean consumes RabbitMQ through the resource adapter in
 * {@code src/rar}, packaged as its own RAR.
 */
package com.bakeryia.alerts.messaging;
