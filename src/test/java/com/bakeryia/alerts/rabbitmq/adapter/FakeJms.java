package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A broker and JMS client in memory, as much of them as a consumer slot uses. */
final class FakeJms {

    private FakeJms() {}

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(
                FakeJms.class.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "fake " + type.getSimpleName();
                    default -> handler.handle(method.getName(), args == null ? new Object[0] : args);
                });
    }

    @FunctionalInterface
    interface Handler {
        Object handle(String method, Object[] args) throws Throwable;
    }

    /** Connects, or refuses while {@link #refuse} is positive, and remembers every connection. */
    static final class FakeBroker implements Broker {

        final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
        final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
        final AtomicInteger refuse = new AtomicInteger();
        final Queue queue = proxy(Queue.class, (method, args) -> method.equals("getQueueName") ? "alerts" : null);

        @Override
        public Connection connect(String connectionName, BrokerWatch.Listener watcher) throws JMSException {
            attemptNanos.add(System.nanoTime());
            if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new JMSException("RabbitMQ connection was refused (fake)");
            }
            FakeConnection connection = new FakeConnection(connectionName, watcher);
            connections.add(connection);
            return connection.jms;
        }

        @Override
        public Destination queue() {
            return queue;
        }

        FakeConnection last() {
            return connections.get(connections.size() - 1);
        }
    }

    /** One connection with its one session and consumer. */
    static final class FakeConnection {

        final String name;
        final BrokerWatch.Listener watcher;
        volatile ExceptionListener exceptionListener;
        volatile MessageListener listener;
        volatile Destination consumed;
        volatile boolean started;
        volatile boolean closed;
        volatile int sessionMode = -1;
        volatile boolean failRecover;
        final AtomicInteger recovers = new AtomicInteger();
        final Session session;
        final Connection jms;

        FakeConnection(String name, BrokerWatch.Listener watcher) {
            this.name = name;
            this.watcher = watcher;
            MessageConsumer consumer = proxy(MessageConsumer.class, (method, args) -> {
                switch (method) {
                    case "setMessageListener" -> listener = (MessageListener) args[0];
                    case "close" -> closed = true;
                    default -> throw new UnsupportedOperationException(method);
                }
                return null;
            });
            session = proxy(Session.class, (method, args) -> switch (method) {
                case "createConsumer" -> {
                    consumed = (Destination) args[0];
                    yield consumer;
                }
                case "recover" -> {
                    if (failRecover || closed) {
                        throw new jakarta.jms.IllegalStateException("Session is closed (fake)");
                    }
                    recovers.incrementAndGet();
                    yield null;
                }
                case "close" -> null;
                default -> throw new UnsupportedOperationException(method);
            });
            jms = proxy(Connection.class, (method, args) -> switch (method) {
                case "setExceptionListener" -> {
                    exceptionListener = (ExceptionListener) args[0];
                    yield null;
                }
                case "createSession" -> {
                    sessionMode = args.length == 2 ? (Integer) args[1] : (Integer) args[0];
                    yield session;
                }
                case "start" -> {
                    started = true;
                    yield null;
                }
                case "close" -> {
                    closed = true;
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method);
            });
        }

        boolean closedNow() {
            return closed;
        }

        /** Delivers a message as the JMS client would: on the caller's thread, to the listener. */
        void deliver(Message message) {
            listener.onMessage(message);
        }
    }

    /** A received BytesMessage that counts acknowledgements. */
    static final class FakeMessage {

        final AtomicInteger acknowledgements = new AtomicInteger();
        final String id;
        final int deliveryCount;
        volatile boolean failAcknowledge;
        final BytesMessage jms;

        FakeMessage(String id, int deliveryCount) {
            this.id = id;
            this.deliveryCount = deliveryCount;
            jms = proxy(BytesMessage.class, (method, args) -> switch (method) {
                case "acknowledge" -> {
                    if (failAcknowledge) {
                        throw new jakarta.jms.IllegalStateException("Channel is already closed (fake)");
                    }
                    acknowledgements.incrementAndGet();
                    yield null;
                }
                case "getJMSMessageID" -> id;
                case "propertyExists" -> "JMSXDeliveryCount".equals(args[0]);
                case "getIntProperty" -> deliveryCount;
                default -> throw new UnsupportedOperationException(method);
            });
        }

        FakeMessage() {
            this(null, 1);
        }
    }
}
