package com.bakeryia.alerts.messaging.control;

import com.bakeryia.alerts.store.control.QueueUnavailable;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server's publishing connection to RabbitMQ: connects lazily (and again after a loss),
 * declares the topology idempotently on every new connection, and lends confirm-mode channels.
 *
 * <p>Topology: topic exchange {@code alerts.exchange}; durable quorum queue {@code alerts} bound
 * with {@code alert.#}, with {@code x-delivery-limit} and dead-letter exchange {@code alerts.dlx};
 * the dead-letter queue {@code alerts.dead} bound to it with {@code #}.
 */
@ApplicationScoped
public class RabbitBroker {

    private static final Logger LOG = Logger.getLogger(RabbitBroker.class.getName());

    @Inject
    RabbitSettings settings;

    private Connection connection;
    private BlockingQueue<Channel> idle;

    /** A confirm-mode channel; give it back with {@link #release} or drop it with {@link #discard}. */
    Channel borrow() {
        Channel channel = idle().poll();
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        try {
            Channel fresh = connection().createChannel();
            fresh.confirmSelect();
            return fresh;
        } catch (IOException e) {
            throw new QueueUnavailable("RabbitMQ refused a channel", e);
        }
    }

    void release(Channel channel) {
        if (!channel.isOpen() || !idle().offer(channel)) {
            discard(channel);
        }
    }

    void discard(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a broken channel failed", e);
        }
    }

    /**
     * Publishes on a confirm-mode channel and returns once RabbitMQ confirmed the message.
     *
     * @throws QueueUnavailable when it is not confirmed within the publish timeout
     */
    public void publishConfirmed(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        Channel channel = borrow();
        try {
            channel.basicPublish(exchange, routingKey, false, properties, body);
            channel.waitForConfirmsOrDie(settings.publishTimeoutMillis());
            release(channel);
        } catch (IOException | TimeoutException | RuntimeException e) {
            discard(channel);
            throw new QueueUnavailable(
                    "RabbitMQ did not confirm message " + properties.getMessageId() + " to " + exchange, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard(channel);
            throw new QueueUnavailable("Interrupted while publishing to " + exchange, e);
        }
    }

    /** @return null when connected (connecting if needed), else why not */
    public String unreachableBecause() {
        try {
            connection();
            return null;
        } catch (QueueUnavailable e) {
            return e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage());
        }
    }

    private synchronized BlockingQueue<Channel> idle() {
        if (idle == null) {
            idle = new ArrayBlockingQueue<>(Math.max(1, settings.publishChannels()));
        }
        return idle;
    }

    private synchronized Connection connection() {
        if (connection != null && connection.isOpen()) {
            return connection;
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.host());
        factory.setPort(settings.port());
        factory.setVirtualHost(settings.virtualHost());
        factory.setUsername(settings.user());
        factory.setPassword(settings.password());
        // amqp-client's own I/O threads: they need no container context, and a managed thread
        // factory defers its threads until the application has started, which stalls the
        // handshake of the connection made while starting (the topology declaration).
        factory.setAutomaticRecoveryEnabled(false); // reconnect on demand, declaring again
        factory.setConnectionTimeout(5_000);
        try {
            Connection fresh = factory.newConnection("bakery-alerts publisher");
            declareTopology(fresh);
            idle().clear();
            connection = fresh;
            LOG.info(() -> "Connected to RabbitMQ at " + settings.host() + ":" + settings.port()
                    + settings.virtualHost() + "; topology declared");
            return fresh;
        } catch (IOException | TimeoutException e) {
            throw new QueueUnavailable("RabbitMQ at " + settings.host() + ":" + settings.port() + " is unreachable", e);
        }
    }

    private void declareTopology(Connection connection) throws IOException, TimeoutException {
        try (Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(settings.exchange(), BuiltinExchangeType.TOPIC, true);
            channel.exchangeDeclare(settings.deadLetterExchange(), BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare(settings.deadLetterQueue(), true, false, false, Map.of("x-queue-type", "quorum"));
            channel.queueBind(settings.deadLetterQueue(), settings.deadLetterExchange(), "#");
            channel.queueDeclare(
                    settings.queue(),
                    true,
                    false,
                    false,
                    Map.of(
                            "x-queue-type", "quorum",
                            "x-delivery-limit", settings.deliveryLimit(),
                            "x-dead-letter-exchange", settings.deadLetterExchange()));
            channel.queueBind(settings.queue(), settings.exchange(), "alert.#");
        } catch (IOException e) {
            // Typically PRECONDITION_FAILED: a queue of that name exists with other arguments.
            throw new IOException(
                    "Declaring the alerts topology failed (does a queue '" + settings.queue()
                            + "' exist with other arguments?)",
                    e);
        }
    }

    /** Properties of an alert message: persistent JSON, the alert id as message id. */
    public static AMQP.BasicProperties properties(String messageId, Map<String, Object> headers) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("UTF-8")
                .deliveryMode(2)
                .messageId(messageId)
                .headers(headers)
                .build();
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null && connection.isOpen()) {
            try {
                connection.close(2_000);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Closing the RabbitMQ connection failed", e);
            }
        }
    }
}
