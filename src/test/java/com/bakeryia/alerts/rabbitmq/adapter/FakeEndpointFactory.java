package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;

/**
 * A message-driven bean's container, as a resource adapter sees it: endpoints that run the bean
 * ({@link Bean}) in a container-managed transaction begun in beforeDelivery and completed in
 * afterDelivery; a bean that throws has its transaction rolled back and the exception passed on.
 */
public final class FakeEndpointFactory implements MessageEndpointFactory {

    /** The bean's onMessage, given the container's transactions (to call setRollbackOnly). */
    @FunctionalInterface
    public interface Bean {
        void onMessage(Message message, FakeTransactions transactions) throws Exception;
    }

    private final FakeTransactions transactions;
    private final boolean transacted;
    private volatile Bean bean;
    private volatile boolean unavailable;
    private volatile boolean failCommit;
    private volatile boolean beginNoTransaction;

    public final AtomicInteger created = new AtomicInteger();
    public final AtomicInteger released = new AtomicInteger();
    public final AtomicInteger beforeDeliveries = new AtomicInteger();
    public final AtomicInteger afterDeliveries = new AtomicInteger();
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger commits = new AtomicInteger();
    public final AtomicInteger rollbacks = new AtomicInteger();

    public FakeEndpointFactory(FakeTransactions transactions, boolean transacted, Bean bean) {
        this.transactions = transactions;
        this.transacted = transacted;
        this.bean = bean;
    }

    public void bean(Bean bean) {
        this.bean = bean;
    }

    /** createEndpoint throws UnavailableException, as while the application stops. */
    public void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    /** The commit in afterDelivery fails: the transaction rolls back and afterDelivery throws. */
    public void failCommit(boolean failCommit) {
        this.failCommit = failCommit;
    }

    /** beforeDelivery begins no transaction although the endpoint is transacted (a broken container). */
    public void beginNoTransaction(boolean beginNoTransaction) {
        this.beginNoTransaction = beginNoTransaction;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        if (unavailable) {
            throw new UnavailableException("The application is stopping (fake)");
        }
        created.incrementAndGet();
        Endpoint state = new Endpoint();
        return (MessageEndpoint) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MessageEndpoint.class, MessageListener.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "beforeDelivery" -> {
                        state.beforeDelivery();
                        yield null;
                    }
                    case "onMessage" -> {
                        state.onMessage((Message) args[0]);
                        yield null;
                    }
                    case "afterDelivery" -> {
                        state.afterDelivery();
                        yield null;
                    }
                    case "release" -> {
                        released.incrementAndGet();
                        yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "fake endpoint";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return transacted;
    }

    @Override
    public String getActivationName() {
        return "fake#AlertsListener";
    }

    @Override
    public Class<?> getEndpointClass() {
        return MessageListener.class;
    }

    private final class Endpoint {
        private boolean inTransaction;
        private boolean threw;

        void beforeDelivery() {
            beforeDeliveries.incrementAndGet();
            if (transacted && !beginNoTransaction) {
                transactions.begin();
                inTransaction = true;
            }
        }

        void onMessage(Message message) throws Throwable {
            calls.incrementAndGet();
            try {
                bean.onMessage(message, transactions);
            } catch (Exception | Error e) {
                threw = true;
                throw e;
            }
        }

        void afterDelivery() throws ResourceException {
            afterDeliveries.incrementAndGet();
            if (!inTransaction) {
                return;
            }
            inTransaction = false;
            int status = transactions.complete(threw || failCommit);
            if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                commits.incrementAndGet();
            } else {
                rollbacks.incrementAndGet();
            }
            if (failCommit && !threw) {
                throw new ResourceException("Commit failed; the transaction rolled back (fake)");
            }
        }
    }
}
