package com.bakeryia.alerts.rabbitmq.adapter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Asks the broker about a consumer's queue, for what no event reports (see
 * {@link RabbitActivationSpec#setConsumerCheckIntervalMillis}): whether it exists, has consumers,
 * and how many messages wait in it. Uses a short-lived channel of its own on the consumer's
 * connection: a passive declaration of a missing queue closes the channel it runs on, which must
 * not be the consumer's.
 */
final class QueueCheck {

    /**
     * @param problem why this consumer cannot be consuming, or null
     * @param ready messages waiting to be delivered
     */
    record Result(String problem, long ready) {}

    private QueueCheck() {}

    /**
     * @param connection the consumer's connection (the client's own object)
     * @return what the broker says, or null when nothing can be concluded (the connection is
     *     closing: its loss is reported on its own)
     */
    static Result check(Connection connection, String queue) {
        if (!connection.isOpen()) {
            return null;
        }
        Channel channel = null;
        try {
            channel = connection.createChannel();
            if (channel == null) {
                return null; // No channel number left on this connection.
            }
            AMQP.Queue.DeclareOk queueState = channel.queueDeclarePassive(queue);
            if (queueState.getConsumerCount() == 0) {
                return new Result("queue '" + queue + "' has no consumers although this one subscribed", 0);
            }
            return new Result(null, queueState.getMessageCount());
        } catch (IOException e) {
            if (!connection.isOpen()) {
                return null;
            }
            return new Result("queue '" + queue + "' is not available (" + Failures.describe(e) + ")", 0);
        } catch (RuntimeException e) {
            return null; // The connection is going away.
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(Channel channel) {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            channel.close();
        } catch (IOException | TimeoutException | RuntimeException e) {
            // Nothing to do: the check is over.
        }
    }
}
