/** Broker adapters of the store's ports, picked by MESSAGING: Liberty's embedded engine over JMS, or RabbitMQ. */
package com.bakeryia.alerts.messaging.control;
