package com.bakeryia.alerts.rabbitmq.adapter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.rabbitmq.adapter.FakeJms.FakeBroker;
import com.bakeryia.alerts.rabbitmq.adapter.FakeJms.FakeConnection;
import com.bakeryia.alerts.rabbitmq.adapter.FakeJms.FakeMessage;
import com.rabbitmq.client.ShutdownSignalException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A consumer slot's life without a broker: connecting, reconnecting with backoff, stopping. */
class ConsumerSlotTest {

    static final long INITIAL = 40;
    static final long MAX = 160;
    static final Duration WAIT = Duration.ofSeconds(5);

    final FakeTransactions transactions = new FakeTransactions();
    final FakeWorkManager workManager = new FakeWorkManager();
    final Timer timer = new Timer("test-timer", true);
    final FakeBroker broker = new FakeBroker();
    final FakeEndpointFactory factory = new FakeEndpointFactory(transactions, true, (m, tx) -> {});
    ConsumerSlot slot;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (slot != null) {
            slot.stop();
        }
        timer.cancel();
        workManager.close();
    }

    ConsumerSlot started() throws NoSuchMethodException {
        return started(0);
    }

    ConsumerSlot started(long consumerCheckIntervalMillis) throws NoSuchMethodException {
        RabbitActivationSpec spec = RabbitActivationSpecTest.valid();
        spec.setConsumerCheckIntervalMillis(consumerCheckIntervalMillis);
        spec.setConcurrency(2);
        spec.setReconnectInitialBackoffMillis(INITIAL);
        spec.setReconnectMaxBackoffMillis(MAX);
        ConsumerSettings settings;
        try {
            settings = spec.settings();
        } catch (jakarta.resource.spi.InvalidPropertyException e) {
            throw new AssertionError(e);
        }
        Endpoint endpoint = new Endpoint(
                "test", factory, MessageListener.class.getMethod("onMessage", Message.class), true, transactions);
        slot = new ConsumerSlot(2, settings, endpoint, broker, workManager, timer);
        slot.start();
        return slot;
    }

    void awaitConnections(int count) {
        await().atMost(WAIT).until(() -> broker.connections.size() == count && slot.isConsuming());
    }

    @Test
    void consumesTheQueueWithOneClientAcknowledgedSessionAndAListener() throws Exception {
        started();
        awaitConnections(1);
        FakeConnection connection = broker.last();
        assertEquals("rabbitmq-ra alerts #2", connection.name);
        assertEquals(Session.CLIENT_ACKNOWLEDGE, connection.sessionMode);
        assertSame(broker.queue, connection.consumed);
        assertTrue(connection.started);
        assertTrue(connection.exceptionListener != null && connection.listener != null);

        FakeMessage message = new FakeMessage();
        connection.deliver(message.jms);
        assertEquals(1, factory.commits.get());
        assertEquals(1, message.acknowledgements.get());
    }

    @Test
    void reconnectsAfterTheConnectionIsLost() throws Exception {
        started();
        awaitConnections(1);
        FakeConnection first = broker.last();
        first.exceptionListener.onException(new JMSException("connection closed, with reason CONNECTION_FORCED"));
        awaitConnections(2);
        assertTrue(first.closed, "the lost connection is closed");
    }

    @Test
    void reconnectsAfterTheChannelShutsDown() throws Exception {
        started();
        awaitConnections(1);
        FakeConnection first = broker.last();
        first.watcher.channelShutdown(new ShutdownSignalException(false, false, null, "channel"));
        awaitConnections(2);
        assertTrue(first.closed);
    }

    @Test
    void reconnectsAfterTheBrokerCancelsTheConsumer() throws Exception {
        started();
        awaitConnections(1);
        FakeConnection first = broker.last();
        first.watcher.consumerCancelled("jms-consumer-1");
        awaitConnections(2);
        assertTrue(first.closed);
    }

    @Test
    void reconnectsAfterAFailedAcknowledgement() throws Exception {
        started();
        awaitConnections(1);
        FakeMessage message = new FakeMessage();
        message.failAcknowledge = true;
        broker.last().deliver(message.jms);
        awaitConnections(2);
    }

    @Test
    void reportsOfAnOldConnectionAreIgnored() throws Exception {
        started();
        awaitConnections(1);
        FakeConnection first = broker.last();
        first.watcher.consumerCancelled("jms-consumer-1");
        awaitConnections(2);
        first.exceptionListener.onException(new JMSException("late"));
        first.watcher.channelShutdown(new ShutdownSignalException(true, false, null, "connection"));
        await().during(Duration.ofMillis(3 * MAX)).atMost(WAIT).until(() -> broker.connections.size() == 2);
        assertFalse(broker.last().closed);
    }

    @Test
    void waitsLongerAfterEachFailedAttemptUpToTheMaximum() throws Exception {
        broker.refuse.set(4);
        started();
        awaitConnections(1);
        List<Long> attempts = broker.attemptNanos;
        assertEquals(5, attempts.size(), "four refused, the fifth connected");
        long[] expected = {INITIAL, 2 * INITIAL, 4 * INITIAL, MAX};
        for (int i = 0; i < expected.length; i++) {
            long waited = TimeUnit.NANOSECONDS.toMillis(attempts.get(i + 1) - attempts.get(i));
            assertTrue(
                    waited >= expected[i],
                    "wait " + (i + 1) + " was " + waited + " ms, expected at least " + expected[i]);
        }
    }

    @Test
    void stopEndsRetryingAtOnce() throws Exception {
        broker.refuse.set(Integer.MAX_VALUE);
        started();
        await().atMost(WAIT).until(() -> broker.attemptNanos.size() >= 2);
        slot.stop();
        int attempts = broker.attemptNanos.size();
        await().during(Duration.ofMillis(3 * MAX)).atMost(WAIT).until(() -> broker.attemptNanos.size() == attempts);
    }

    @Test
    void stopClosesTheConnectionAndLaterMessagesAreNotDelivered() throws Exception {
        started();
        awaitConnections(1);
        FakeConnection connection = broker.last();
        slot.stop();
        assertTrue(connection.closed);
        assertFalse(slot.isConsuming());
        FakeMessage late = new FakeMessage();
        connection.deliver(late.jms);
        assertEquals(0, factory.created.get());
        assertEquals(0, late.acknowledgements.get());
        assertEquals(0, connection.recovers.get());
    }

    @Test
    void aDeliveryInProgressFinishesAndIsAcknowledgedWhileOthersWait() throws Exception {
        CountDownLatch inBean = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        factory.bean((m, tx) -> {
            inBean.countDown();
            release.await();
        });
        started();
        awaitConnections(1);
        FakeConnection connection = broker.last();
        FakeMessage message = new FakeMessage();
        Thread delivery = new Thread(() -> connection.deliver(message.jms));
        delivery.start();
        assertTrue(inBean.await(5, TimeUnit.SECONDS));
        connection.watcher.consumerCancelled("jms-consumer-1");
        release.countDown();
        delivery.join(5_000);
        assertEquals(1, message.acknowledgements.get(), "its transaction committed");
        awaitConnections(2);
    }

    @Test
    void reconnectsWhenTheCheckFindsTheQueueWithoutConsumers() throws Exception {
        FakeAmqp amqp = new FakeAmqp();
        started(100);
        awaitConnections(1);
        broker.last().watcher.connected(amqp.connection);
        await().atMost(WAIT).until(() -> amqp.checks.get() >= 2);
        assertEquals(1, broker.connections.size(), "a queue with consumers is fine");

        amqp.consumers = 0;
        awaitConnections(2);
        assertTrue(broker.connections.get(0).closed);
    }

    @Test
    void reconnectsWhenTheCheckFindsTheQueueGone() throws Exception {
        FakeAmqp amqp = new FakeAmqp();
        started(100);
        awaitConnections(1);
        amqp.queueMissing = true;
        broker.last().watcher.connected(amqp.connection);
        awaitConnections(2);
    }

    @Test
    void reconnectsWhenMessagesWaitButTheIdleConsumerReceivesNone() throws Exception {
        FakeAmqp amqp = new FakeAmqp();
        started(100);
        awaitConnections(1);
        broker.last().watcher.connected(amqp.connection);
        amqp.ready = 2;
        awaitConnections(2);
        assertTrue(amqp.checks.get() >= 2, "waiting messages are a problem only at two checks in a row");
    }

    @Test
    void waitingMessagesAreFineWhileTheConsumerReceives() throws Exception {
        FakeAmqp amqp = new FakeAmqp();
        CountDownLatch inBean = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        factory.bean((m, tx) -> {
            inBean.countDown();
            release.await();
        });
        started(100);
        awaitConnections(1);
        FakeConnection connection = broker.last();
        connection.watcher.connected(amqp.connection);
        amqp.ready = 5;
        Thread delivery = new Thread(() -> connection.deliver(new FakeMessage().jms));
        delivery.start();
        assertTrue(inBean.await(5, TimeUnit.SECONDS));
        int checks = amqp.checks.get();
        await().atMost(WAIT).until(() -> amqp.checks.get() >= checks + 3);
        assertEquals(1, broker.connections.size(), "a consumer busy with a delivery is not stuck");
        release.countDown();
        delivery.join(5_000);
    }

    @Test
    void aRefusingWorkManagerIsRetriedWithBackoff() throws Exception {
        workManager.rejecting(true);
        started();
        await().atMost(WAIT).until(() -> workManager.rejected.get() >= 3);
        assertTrue(broker.attemptNanos.isEmpty());
        workManager.rejecting(false);
        awaitConnections(1);
    }
}
