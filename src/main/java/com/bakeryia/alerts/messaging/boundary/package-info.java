/** The alerts queue's readiness and the RabbitMQ topology declared at start. */
package com.bakeryia.alerts.messaging.boundary;
