package com.bakeryia.alerts.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The channel and consumer events rabbitmq-jms ignores reach the listener; everything else passes through. */
class BrokerWatchTest {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<ShutdownListener> shutdownListeners = new CopyOnWriteArrayList<>();
    final List<Consumer> consumers = new CopyOnWriteArrayList<>();

    final BrokerWatch.Listener listener = new BrokerWatch.Listener() {
        @Override
        public void connected(Connection connection) {
            events.add("connected");
        }

        @Override
        public void channelShutdown(ShutdownSignalException cause) {
            events.add("shutdown " + cause.isHardError());
        }

        @Override
        public void consumerCancelled(String consumerTag) {
            events.add("cancelled " + consumerTag);
        }
    };

    final Channel channel = FakeJms.proxy(Channel.class, (method, args) -> switch (method) {
        case "addShutdownListener" -> {
            shutdownListeners.add((ShutdownListener) args[0]);
            yield null;
        }
        case "basicConsume" -> {
            consumers.add((Consumer) args[args.length - 1]);
            yield "ctag-1";
        }
        case "getChannelNumber" -> 7;
        default -> throw new UnsupportedOperationException(method);
    });

    final Connection connection = FakeJms.proxy(Connection.class, (method, args) -> switch (method) {
        case "createChannel" -> channel;
        case "isOpen" -> true;
        default -> throw new UnsupportedOperationException(method);
    });

    @Test
    void channelsAreWatchedAndCallsPassThrough() throws IOException {
        Connection watched = BrokerWatch.watch(connection, listener);
        assertTrue(watched.isOpen());
        Channel created = watched.createChannel();
        assertNotSame(channel, created);
        assertEquals(7, created.getChannelNumber());
        assertEquals(1, shutdownListeners.size());

        shutdownListeners.get(0).shutdownCompleted(new ShutdownSignalException(false, false, null, channel));
        assertEquals(List.of("connected", "shutdown false"), events);
    }

    @Test
    void openChannelHandsOutAWatchedChannelToo() throws IOException {
        Channel opened = BrokerWatch.watch(connection, listener).openChannel().orElseThrow();
        assertNotSame(channel, opened);
        assertEquals(1, shutdownListeners.size());
    }

    @Test
    void aCancelledConsumerIsReportedThenTold() throws IOException {
        Channel watched = BrokerWatch.watch(connection, listener).createChannel();
        List<String> told = new CopyOnWriteArrayList<>();
        Consumer original = new DefaultConsumer(null) {
            @Override
            public void handleCancel(String consumerTag) {
                told.add(consumerTag);
            }
        };
        assertEquals("ctag-1", watched.basicConsume("alerts", false, "ctag-1", false, false, null, original));
        Consumer registered = consumers.get(0);
        assertInstanceOf(BrokerWatch.CancelAwareConsumer.class, registered);

        registered.handleCancel("ctag-1");
        assertEquals(List.of("connected", "cancelled ctag-1"), events);
        assertEquals(List.of("ctag-1"), told);
    }

    @Test
    void aProxyEqualsOnlyItself() throws IOException {
        Channel watched = BrokerWatch.watch(connection, listener).createChannel();
        assertSame(watched, watched);
        assertTrue(watched.equals(watched));
        assertTrue(!watched.equals(channel));
    }
}
