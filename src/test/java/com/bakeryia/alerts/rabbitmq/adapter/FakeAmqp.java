package com.bakeryia.alerts.rabbitmq.adapter;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.impl.AMQImpl;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** An amqp-client connection that answers passive queue declarations, for {@link QueueCheck}. */
final class FakeAmqp {

    volatile boolean open = true;
    volatile boolean queueMissing;
    volatile int consumers = 1;
    volatile int ready;
    final AtomicInteger checks = new AtomicInteger();
    final AtomicInteger channelsClosed = new AtomicInteger();

    final Connection connection = FakeJms.proxy(Connection.class, (method, args) -> switch (method) {
        case "isOpen" -> open;
        case "createChannel" -> channel();
        default -> throw new UnsupportedOperationException(method);
    });

    private Channel channel() {
        boolean[] channelOpen = {true};
        return FakeJms.proxy(Channel.class, (method, args) -> switch (method) {
            case "queueDeclarePassive" -> {
                checks.incrementAndGet();
                if (queueMissing) {
                    channelOpen[0] = false;
                    throw new IOException("NOT_FOUND - no queue '" + args[0] + "' in vhost '/' (fake)");
                }
                yield new AMQImpl.Queue.DeclareOk((String) args[0], ready, consumers);
            }
            case "isOpen" -> channelOpen[0];
            case "close" -> {
                channelOpen[0] = false;
                channelsClosed.incrementAndGet();
                yield null;
            }
            default -> throw new UnsupportedOperationException(method);
        });
    }
}
