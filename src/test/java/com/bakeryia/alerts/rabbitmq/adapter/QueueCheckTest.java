package com.bakeryia.alerts.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueueCheckTest {

    final FakeAmqp amqp = new FakeAmqp();

    @Test
    void aQueueWithConsumersIsFineAndTellsWhatWaits() {
        amqp.ready = 3;
        QueueCheck.Result result = QueueCheck.check(amqp.connection, "alerts");
        assertNull(result.problem());
        assertEquals(3, result.ready());
        assertEquals(1, amqp.channelsClosed.get(), "the check's channel is closed");
    }

    @Test
    void aQueueWithoutConsumersMeansThisConsumerIsGone() {
        amqp.consumers = 0;
        String problem = QueueCheck.check(amqp.connection, "alerts").problem();
        assertTrue(problem.startsWith("queue 'alerts' has no consumers"), problem);
    }

    @Test
    void aMissingQueueIsReported() {
        amqp.queueMissing = true;
        String problem = QueueCheck.check(amqp.connection, "alerts").problem();
        assertTrue(problem.contains("is not available") && problem.contains("NOT_FOUND"), problem);
    }

    @Test
    void aClosedConnectionIsLeftToItsOwnReport() {
        amqp.open = false;
        assertNull(QueueCheck.check(amqp.connection, "alerts"));
        assertEquals(0, amqp.checks.get());
    }
}
