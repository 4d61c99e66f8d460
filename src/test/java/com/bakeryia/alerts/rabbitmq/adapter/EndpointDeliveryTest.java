package com.bakeryia.alerts.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.rabbitmq.adapter.EndpointDelivery.Outcome;
import com.bakeryia.alerts.rabbitmq.adapter.FakeJms.FakeMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.transaction.Status;
import org.junit.jupiter.api.Test;

/** When a delivered message is acknowledged: only after a commit, or a clean return when not transacted. */
class EndpointDeliveryTest {

    final FakeTransactions transactions = new FakeTransactions();

    Outcome deliver(FakeEndpointFactory factory, boolean transacted) throws Exception {
        Endpoint endpoint = new Endpoint(
                "test", factory, MessageListener.class.getMethod("onMessage", Message.class), transacted, transactions);
        EndpointDelivery delivery = new EndpointDelivery(endpoint, new FakeMessage().jms, "message tag=1");
        delivery.run();
        return delivery.outcome();
    }

    @Test
    void aCommittedTransactionIsAcknowledged() throws Exception {
        FakeEndpointFactory factory = new FakeEndpointFactory(transactions, true, (message, tx) -> {});
        Outcome outcome = deliver(factory, true);
        assertTrue(outcome.acknowledge(), outcome.reason());
        assertEquals(1, factory.commits.get());
        assertEquals(1, factory.afterDeliveries.get());
        assertEquals(1, factory.released.get());
    }

    @Test
    void aBeanThatThrowsIsRolledBackAndRedelivered() throws Exception {
        FakeEndpointFactory factory = new FakeEndpointFactory(transactions, true, (message, tx) -> {
            throw new IllegalStateException("database down");
        });
        Outcome outcome = deliver(factory, true);
        assertFalse(outcome.acknowledge());
        assertTrue(outcome.reason().contains("rolled back"), outcome.reason());
        assertTrue(outcome.reason().contains("database down"), outcome.reason());
        assertEquals(1, factory.rollbacks.get());
        assertEquals(1, factory.afterDeliveries.get(), "afterDelivery ends the transaction even after an exception");
        assertEquals(1, factory.released.get());
    }

    @Test
    void setRollbackOnlyIsRedeliveredThoughOnMessageReturned() throws Exception {
        FakeEndpointFactory factory =
                new FakeEndpointFactory(transactions, true, (message, tx) -> tx.setRollbackOnly());
        Outcome outcome = deliver(factory, true);
        assertFalse(outcome.acknowledge());
        assertEquals("the transaction rolled back", outcome.reason());
        assertEquals(1, factory.rollbacks.get());
    }

    @Test
    void aFailedCommitIsRedelivered() throws Exception {
        FakeEndpointFactory factory = new FakeEndpointFactory(transactions, true, (message, tx) -> {});
        factory.failCommit(true);
        Outcome outcome = deliver(factory, true);
        assertFalse(outcome.acknowledge());
        assertTrue(outcome.reason().contains("Commit failed"), outcome.reason());
    }

    @Test
    void anUnavailableEndpointIsRedeliveredWithoutCallingTheBean() throws Exception {
        FakeEndpointFactory factory = new FakeEndpointFactory(transactions, true, (message, tx) -> {});
        factory.unavailable(true);
        Outcome outcome = deliver(factory, true);
        assertFalse(outcome.acknowledge());
        assertTrue(outcome.reason().contains("not available"), outcome.reason());
        assertEquals(0, factory.calls.get());
    }

    @Test
    void withoutATransactionToWatchTheBeanIsNotCalled() throws Exception {
        FakeEndpointFactory factory = new FakeEndpointFactory(transactions, true, (message, tx) -> {});
        factory.beginNoTransaction(true);
        Outcome outcome = deliver(factory, true);
        assertFalse(outcome.acknowledge());
        assertEquals(0, factory.calls.get(), "an outcome that cannot be observed must not be risked");
        assertEquals(1, factory.afterDeliveries.get());
        assertEquals(1, factory.released.get());
    }

    @Test
    void notTransactedIsAcknowledgedWhenOnMessageReturns() throws Exception {
        FakeEndpointFactory returns = new FakeEndpointFactory(transactions, false, (message, tx) -> {});
        assertTrue(deliver(returns, false).acknowledge());

        FakeEndpointFactory throwing = new FakeEndpointFactory(transactions, false, (message, tx) -> {
            throw new IllegalArgumentException("bad message");
        });
        Outcome outcome = deliver(throwing, false);
        assertFalse(outcome.acknowledge());
        assertTrue(outcome.reason().contains("bad message"), outcome.reason());
        assertEquals(1, throwing.released.get());
    }

    @Test
    void theRule() {
        Exception thrown = new IllegalStateException("boom");
        assertTrue(EndpointDelivery.decide(true, true, null, Status.STATUS_COMMITTED)
                .acknowledge());
        assertTrue(
                EndpointDelivery.decide(true, false, thrown, Status.STATUS_COMMITTED)
                        .acknowledge(),
                "committed work is stored, whatever was thrown after it");
        assertFalse(EndpointDelivery.decide(true, true, null, Status.STATUS_ROLLEDBACK)
                .acknowledge());
        assertFalse(
                EndpointDelivery.decide(true, true, null, Status.STATUS_UNKNOWN).acknowledge());
        assertFalse(EndpointDelivery.decide(true, true, null, EndpointDelivery.NO_OUTCOME)
                .acknowledge());
        assertTrue(EndpointDelivery.decide(false, true, null, EndpointDelivery.NO_OUTCOME)
                .acknowledge());
        assertFalse(
                EndpointDelivery.decide(false, true, thrown, EndpointDelivery.NO_OUTCOME)
                        .acknowledge(),
                "not transacted: afterDelivery failing after onMessage returned is a failure");
        assertFalse(EndpointDelivery.decide(false, false, thrown, EndpointDelivery.NO_OUTCOME)
                .acknowledge());
    }
}
