/**
 * RabbitMQ in the real-services mode, the application's side: the topology it declares at start
 * ({@code alerts.exchange}, the quorum queue {@code alerts} with its delivery limit and dead-letter
 * exchange), confirmed publishing for the HTTP ingest, and dead letters with their reason. The
 * message-driven bean consumes through the resource adapter ({@code rabbitmq.adapter}, packaged
 * as its own RAR).
 */
package com.bakeryia.alerts.rabbitmq;
