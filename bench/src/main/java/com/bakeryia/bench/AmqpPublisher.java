package com.bakeryia.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes to the application's topic exchange with publisher confirms, persistent and
 * mandatory (an unroutable alert comes back and counts as failed), at most {@code window}
 * unconfirmed at a time: "as fast as the broker takes them" is then the confirm rate.
 */
final class AmqpPublisher implements AlertSink {

    private final Connection connection;
    private final Channel channel;
    private final String exchange;
    private final Semaphore window;
    private final int windowSize;
    private final NavigableSet<Long> outstanding = new ConcurrentSkipListSet<>();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong nacked = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();

    AmqpPublisher(String host, int port, String vhost, String user, String password, String exchange, int window)
            throws Exception {
        ConnectionFactory cf = new ConnectionFactory();
        cf.setHost(host);
        cf.setPort(port);
        cf.setVirtualHost(vhost);
        cf.setUsername(user);
        cf.setPassword(password);
        cf.setAutomaticRecoveryEnabled(false);
        this.connection = cf.newConnection("bakery-alerts-bench");
        this.channel = connection.createChannel();
        this.exchange = exchange;
        this.windowSize = window;
        this.window = new Semaphore(window);
        // Fails at once (404) if the server has not declared its topology in this vhost.
        channel.exchangeDeclarePassive(exchange);
        channel.confirmSelect();
        channel.addConfirmListener((tag, multiple) -> settle(tag, multiple, acked),
                (tag, multiple) -> settle(tag, multiple, nacked));
        channel.addReturnListener(r -> returned.incrementAndGet());
    }

    private void settle(long tag, boolean multiple, AtomicLong counter) {
        int n;
        if (multiple) {
            NavigableSet<Long> head = outstanding.headSet(tag, true);
            n = 0;
            for (Long t : head) {
                if (outstanding.remove(t)) {
                    n++;
                }
            }
        } else {
            n = outstanding.remove(tag) ? 1 : 0;
        }
        counter.addAndGet(n);
        window.release(n);
    }

    @Override
    public boolean awaitCapacity(long timeoutMillis) throws InterruptedException {
        return window.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void send(long k, String tenant, byte[] body) throws Exception {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .build();
        outstanding.add(channel.getNextPublishSeqNo());
        channel.basicPublish(exchange, Alerts.routingKey(k), true, props, body);
    }

    @Override
    public void drain(long timeoutMillis) throws InterruptedException {
        if (window.tryAcquire(windowSize, timeoutMillis, TimeUnit.MILLISECONDS)) {
            window.release(windowSize);
        }
    }

    @Override
    public long confirmed() {
        return acked.get() - returned.get(); // an unroutable alert is returned, then acked
    }

    @Override
    public long failed() {
        return nacked.get() + returned.get();
    }

    long returned() {
        return returned.get();
    }

    @Override
    public void close() {
        try {
            connection.close(5000);
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
