package com.bakeryia.alerts.rabbitmq.adapter;

import com.rabbitmq.client.AddressResolver;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

/**
 * Connections to RabbitMQ through the RabbitMQ JMS client (rabbitmq-jms), set up for consuming
 * an existing queue under the adapter's control.
 */
final class JmsClientBroker implements Broker {

    /**
     * How long opening a TCP connection may take. A connection attempt is not interruptible, so
     * this bounds how long a stopped adapter may still have one in flight; amqp-client's own
     * default is 60 s.
     */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final ConsumerSettings settings;
    private final RMQDestination queue;

    JmsClientBroker(ConsumerSettings settings) {
        this.settings = settings;
        // An "AMQP destination" names an existing queue: rabbitmq-jms declares and binds nothing
        // for it (it would for a plain JMS queue). No exchange or routing key: consume only.
        this.queue = new RMQDestination(settings.queueName(), null, null, settings.queueName());
    }

    @Override
    public Connection connect(String connectionName, BrokerWatch.Listener watcher) throws JMSException {
        return new SlotConnectionFactory(settings, connectionName, watcher).createConnection();
    }

    @Override
    public Destination queue() {
        return queue;
    }

    /**
     * One consumer slot's connection factory.
     * <ul>
     * <li>Channel QoS is {@code prefetch}, set on every channel the client opens.</li>
     * <li>{@code onMessageTimeoutMs} is {@code deliveryTimeoutMillis}: the client runs each
     * listener call under that limit (2 s by default, far too short for a transaction).</li>
     * <li>Reply-to destinations of received messages are not declared: this adapter declares
     * nothing on the broker.</li>
     * <li>amqp-client's automatic recovery is off: the slot reconnects itself, with backoff and a
     * fresh JMS session; a second, hidden recovery would race it and revive consumers behind
     * the JMS client's back.</li>
     * <li>The connection carries a name, shown by the management UI and {@code rabbitmqctl
     * list_connections}, and is wrapped by {@link BrokerWatch}.</li>
     * </ul>
     */
    static final class SlotConnectionFactory extends RMQConnectionFactory {

        private static final long serialVersionUID = 1L;

        private final transient String connectionName;
        private final transient BrokerWatch.Listener watcher;

        SlotConnectionFactory(ConsumerSettings settings, String connectionName, BrokerWatch.Listener watcher) {
            this.connectionName = connectionName;
            this.watcher = watcher;
            setHost(settings.host());
            setPort(settings.port());
            setVirtualHost(settings.virtualHost());
            if (settings.userName() != null) {
                setUsername(settings.userName());
                setPassword(settings.password());
            }
            setChannelsQos(settings.prefetch());
            setOnMessageTimeoutMs(settings.deliveryTimeoutMillis());
            setDeclareReplyToDestination(false);
            setRequeueOnMessageListenerException(false);
        }

        @Override
        protected ConnectionFactory createConnectionFactory() {
            return new WatchedConnectionFactory(connectionName, watcher);
        }
    }

    /** amqp-client's factory, every connection of which is named and watched. */
    static final class WatchedConnectionFactory extends ConnectionFactory {

        private final String connectionName;
        private final BrokerWatch.Listener watcher;

        WatchedConnectionFactory(String connectionName, BrokerWatch.Listener watcher) {
            this.connectionName = connectionName;
            this.watcher = watcher;
            setAutomaticRecoveryEnabled(false);
            setTopologyRecoveryEnabled(false);
            setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        }

        /** Every other {@code newConnection} overload ends here. */
        @Override
        public com.rabbitmq.client.Connection newConnection(
                ExecutorService executor, AddressResolver addressResolver, String clientProvidedName)
                throws IOException, TimeoutException {
            com.rabbitmq.client.Connection connection = super.newConnection(
                    executor, addressResolver, clientProvidedName == null ? connectionName : clientProvidedName);
            return BrokerWatch.watch(connection, watcher);
        }
    }
}
