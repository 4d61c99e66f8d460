package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * An inbound-only resource adapter that delivers messages from existing RabbitMQ queues to
 * message-driven beans implementing {@link MessageListener}, through the RabbitMQ JMS client.
 *
 * <p>Why it exists: rabbitmq-jms supports neither {@code createConnectionConsumer} nor
 * {@code Session.run()}, which generic JMS resource adapters need, so none of them can drive it.
 *
 * <p>What it guarantees: a message is acknowledged only after the bean's transaction commits (see
 * {@link EndpointDelivery}); a message whose transaction rolls back is handed back to the broker,
 * which redelivers it, and dead-letters it once the queue's delivery limit is reached. That is
 * at-least-once delivery, so beans must be idempotent. Each activation runs
 * {@code concurrency} consumers (see {@link ConsumerSlot}), each reconnecting on its own with
 * exponential backoff after any failure.
 *
 * <p>It never declares, binds or deletes anything on the broker, and holds no outbound
 * connection factories; it is not an XA participant (acknowledgement follows the commit).
 */
public class RabbitResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(RabbitResourceAdapter.class.getName());

    private static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Function<ConsumerSettings, Broker> brokers;
    private final Map<Activation, InboundEndpoint> endpoints = new ConcurrentHashMap<>();

    private volatile WorkManager workManager;
    private volatile TransactionSynchronizationRegistry transactions;
    private volatile Timer timer;

    public RabbitResourceAdapter() {
        this(JmsClientBroker::new);
    }

    /** For tests: reaches the broker through {@code brokers} instead of rabbitmq-jms. */
    RabbitResourceAdapter(Function<ConsumerSettings, Broker> brokers) {
        this.brokers = brokers;
    }

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            timer = context.createTimer();
        } catch (UnavailableException e) {
            throw new ResourceAdapterInternalException(
                    "The server gave the RabbitMQ resource adapter no timer,"
                            + " which it needs to schedule reconnections",
                    e);
        }
        workManager = context.getWorkManager();
        transactions = context.getTransactionSynchronizationRegistry();
        LOG.info(() -> "RabbitMQ resource adapter started"
                + (transactions == null
                        ? " without a TransactionSynchronizationRegistry: only non-transacted endpoints can be activated"
                        : ""));
    }

    @Override
    public void stop() {
        List<InboundEndpoint> active = new ArrayList<>(endpoints.values());
        endpoints.clear();
        active.forEach(InboundEndpoint::stop);
        Timer stopping = timer;
        if (stopping != null) {
            stopping.cancel();
        }
        LOG.info("RabbitMQ resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof RabbitActivationSpec rabbitSpec)) {
            throw new NotSupportedException(
                    "The RabbitMQ resource adapter needs a " + RabbitActivationSpec.class.getName() + ", got "
                            + (spec == null ? "none" : spec.getClass().getName()));
        }
        if (workManager == null) {
            throw new ResourceAdapterInternalException("The RabbitMQ resource adapter has not been started");
        }
        ConsumerSettings settings = rabbitSpec.settings();
        String name = factory.getActivationName();
        boolean transacted;
        try {
            transacted = factory.isDeliveryTransacted(ON_MESSAGE);
        } catch (NoSuchMethodException e) {
            throw new NotSupportedException(
                    "Endpoint " + name + " does not implement " + ON_MESSAGE + ": it is not a JMS message listener", e);
        }
        if (transacted && transactions == null) {
            throw new NotSupportedException("Endpoint " + name + " runs onMessage in a transaction, but the server"
                    + " gave the RabbitMQ resource adapter no TransactionSynchronizationRegistry, without which"
                    + " it cannot tell a commit from a rollback");
        }
        Endpoint endpoint = new Endpoint(name, factory, ON_MESSAGE, transacted, transactions);
        InboundEndpoint inbound = new InboundEndpoint(endpoint, settings, brokers.apply(settings), workManager, timer);
        if (endpoints.putIfAbsent(new Activation(factory, spec), inbound) != null) {
            throw new NotSupportedException("Endpoint " + name + " is already active with this activation spec");
        }
        inbound.start();
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        InboundEndpoint inbound = endpoints.remove(new Activation(factory, spec));
        if (inbound == null) {
            LOG.warning(() -> "RabbitMQ resource adapter: asked to deactivate endpoint " + factory.getActivationName()
                    + ", which is not active");
            return;
        }
        inbound.stop();
    }

    /** None: the adapter takes no part in transactions, so there is nothing to recover. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** For tests: the active endpoints. */
    List<InboundEndpoint> activeEndpoints() {
        return List.copyOf(endpoints.values());
    }

    /**
     * The server passes the same factory and spec to deactivation as to activation: together they
     * identify an activation. An activation spec has identity equality.
     */
    private record Activation(MessageEndpointFactory factory, ActivationSpec spec) {}
}
