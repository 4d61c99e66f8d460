package com.bakeryia.alerts.rabbitmq.adapter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Tells a consumer what the RabbitMQ JMS client keeps to itself: that the AMQP channel under its
 * session has shut down, or that the broker has cancelled its consumer.
 *
 * <p>rabbitmq-jms 3.7 reports only a lost connection (to the JMS {@code ExceptionListener}). When
 * just the channel closes (a channel error, or the client closing it after a listener call ran
 * past {@code onMessageTimeoutMs}), or the broker cancels the consumer (its queue was deleted, or
 * the queue's node went away), the JMS session and consumer look alive but never deliver again:
 * the session's channel is package-private and the client's consumer ignores both events. Left
 * alone, the bean would silently stop receiving.
 *
 * <p>This wraps the amqp-client objects the JMS client creates, through their public interfaces
 * only: the connection (to see each channel created), each channel (to attach a shutdown listener
 * and to see each consumer registered) and each consumer (to see cancellation). Every call is
 * passed through unchanged. The connection comes from {@link JmsClientBroker}'s connection factory,
 * the one extension point rabbitmq-jms offers for it.
 */
final class BrokerWatch {

    /** Receives the events; called on amqp-client's threads, so it must not block or close. */
    interface Listener {

        /** A connection was opened; this is the client's own object, not the watched wrapper. */
        void connected(Connection connection);

        /** A channel shut down, for any reason, including the connection's loss or its closing. */
        void channelShutdown(ShutdownSignalException cause);

        /** The broker cancelled a consumer (basic.cancel from the server). */
        void consumerCancelled(String consumerTag);
    }

    private BrokerWatch() {}

    static Connection watch(Connection connection, Listener listener) {
        listener.connected(connection);
        return proxy(Connection.class, connection, (proxy, method, args) -> {
            Object result = invoke(proxy, method, connection, args);
            if (result instanceof Channel channel) {
                return watch(channel, listener);
            }
            return result;
        });
    }

    static Channel watch(Channel channel, Listener listener) {
        channel.addShutdownListener(listener::channelShutdown);
        return proxy(Channel.class, channel, (proxy, method, args) -> {
            if (method.getName().equals("basicConsume") && args != null) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i] instanceof Consumer consumer) {
                        args[i] = new CancelAwareConsumer(consumer, listener);
                    }
                }
            }
            return invoke(proxy, method, channel, args);
        });
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return target.toString();
                    }
                    break;
                default:
                    break;
            }
            return handler.invoke(proxy, method, args);
        }));
    }

    /**
     * Default methods run on the proxy, so that they reach the wrapped abstract methods (e.g.
     * {@code openChannel()} calls {@code createChannel()}, which must hand out a watched channel).
     */
    private static Object invoke(Object proxy, Method method, Object target, Object[] args) throws Throwable {
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Passes every callback through, and reports the broker's cancellation first. */
    static final class CancelAwareConsumer implements Consumer {

        private final Consumer delegate;
        private final Listener listener;

        CancelAwareConsumer(Consumer delegate, Listener listener) {
            this.delegate = delegate;
            this.listener = listener;
        }

        @Override
        public void handleConsumeOk(String consumerTag) {
            delegate.handleConsumeOk(consumerTag);
        }

        @Override
        public void handleCancelOk(String consumerTag) {
            delegate.handleCancelOk(consumerTag);
        }

        @Override
        public void handleCancel(String consumerTag) throws IOException {
            listener.consumerCancelled(consumerTag);
            delegate.handleCancel(consumerTag);
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException sig) {
            delegate.handleShutdownSignal(consumerTag, sig);
        }

        @Override
        public void handleRecoverOk(String consumerTag) {
            delegate.handleRecoverOk(consumerTag);
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            delegate.handleDelivery(consumerTag, envelope, properties, body);
        }
    }
}
