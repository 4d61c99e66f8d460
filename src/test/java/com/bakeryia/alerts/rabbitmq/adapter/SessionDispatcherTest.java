package com.bakeryia.alerts.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.rabbitmq.adapter.FakeJms.FakeConnection;
import com.bakeryia.alerts.rabbitmq.adapter.FakeJms.FakeMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What happens to the message after the delivery: acknowledged, or the session recovered. */
class SessionDispatcherTest {

    final FakeTransactions transactions = new FakeTransactions();
    final FakeWorkManager workManager = new FakeWorkManager();
    final FakeConnection connection = new FakeConnection("test", null);
    final AtomicBoolean accepting = new AtomicBoolean(true);
    final AtomicReference<String> unusable = new AtomicReference<>();
    final Activity activity = new Activity();

    @AfterEach
    void closeWorkManager() throws InterruptedException {
        workManager.close();
    }

    SessionDispatcher dispatcher(FakeEndpointFactory factory) throws NoSuchMethodException {
        Endpoint endpoint = new Endpoint(
                "test", factory, MessageListener.class.getMethod("onMessage", Message.class), true, transactions);
        return new SessionDispatcher(
                "consumer 1/1", connection.session, workManager, endpoint, accepting::get, unusable::set, activity);
    }

    @Test
    void aCommittedDeliveryIsAcknowledged() throws Exception {
        FakeMessage message = new FakeMessage();
        dispatcher(new FakeEndpointFactory(transactions, true, (m, tx) -> {})).onMessage(message.jms);
        assertEquals(1, message.acknowledgements.get());
        assertEquals(0, connection.recovers.get());
        assertNull(unusable.get());
        assertEquals(1, activity.received());
        assertFalse(activity.busy());
    }

    @Test
    void aRolledBackDeliveryRecoversTheSessionAndIsNotAcknowledged() throws Exception {
        FakeMessage message = new FakeMessage();
        dispatcher(new FakeEndpointFactory(transactions, true, (m, tx) -> tx.setRollbackOnly()))
                .onMessage(message.jms);
        assertEquals(0, message.acknowledgements.get());
        assertEquals(1, connection.recovers.get());
    }

    @Test
    void aDeliveryTheWorkManagerRefusesIsRecovered() throws Exception {
        FakeEndpointFactory factory = new FakeEndpointFactory(transactions, true, (m, tx) -> {});
        workManager.rejecting(true);
        FakeMessage message = new FakeMessage();
        dispatcher(factory).onMessage(message.jms);
        assertEquals(0, factory.calls.get());
        assertEquals(0, message.acknowledgements.get());
        assertEquals(1, connection.recovers.get());
    }

    @Test
    void whileStoppingAMessageIsNeitherDeliveredNorRecovered() throws Exception {
        FakeEndpointFactory factory = new FakeEndpointFactory(transactions, true, (m, tx) -> {});
        accepting.set(false);
        FakeMessage message = new FakeMessage();
        dispatcher(factory).onMessage(message.jms);
        assertEquals(0, factory.created.get());
        assertEquals(0, message.acknowledgements.get());
        assertEquals(0, connection.recovers.get(), "recovering would redeliver it at once, to this closing consumer");
    }

    @Test
    void aFailedAcknowledgementReportsTheSessionUnusable() throws Exception {
        FakeMessage message = new FakeMessage("ID:42", 1);
        message.failAcknowledge = true;
        dispatcher(new FakeEndpointFactory(transactions, true, (m, tx) -> {})).onMessage(message.jms);
        assertTrue(unusable.get().contains("could not acknowledge message id=ID:42"), unusable.get());
    }

    @Test
    void aFailedRecoverReportsTheSessionUnusable() throws Exception {
        connection.failRecover = true;
        dispatcher(new FakeEndpointFactory(transactions, true, (m, tx) -> tx.setRollbackOnly()))
                .onMessage(new FakeMessage().jms);
        assertTrue(unusable.get().startsWith("could not recover the session for message"), unusable.get());
    }

    @Test
    void messagesAreNamedByIdAndDeliveryCount() {
        assertEquals("message id=ID:7 delivery=3", SessionDispatcher.describe(new FakeMessage("ID:7", 3).jms));
        assertEquals("message delivery=1", SessionDispatcher.describe(new FakeMessage().jms));
    }
}
