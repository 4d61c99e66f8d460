package it.com.bakeryia.alerts.rabbitmq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bakeryia.alerts.rabbitmq.adapter.FakeBootstrapContext;
import com.bakeryia.alerts.rabbitmq.adapter.FakeEndpointFactory;
import com.bakeryia.alerts.rabbitmq.adapter.FakeTransactions;
import com.bakeryia.alerts.rabbitmq.adapter.FakeWorkManager;
import com.bakeryia.alerts.rabbitmq.adapter.RabbitActivationSpec;
import com.bakeryia.alerts.rabbitmq.adapter.RabbitResourceAdapter;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The resource adapter against a real RabbitMQ, outside Liberty: a fake container (WorkManager,
 * transactions, message endpoints) drives the real adapter, rabbitmq-jms and amqp-client.
 *
 * <p>Needs a broker (default 127.0.0.1:5672, guest/guest, vhost "/"; override with -Drabbitmq.host,
 * -Drabbitmq.port, -Drabbitmq.user, -Drabbitmq.password, -Drabbitmq.vhost) and, for the tests that
 * close connections or inspect consumers, {@code rabbitmqctl} allowed to talk to that broker
 * (-Drabbitmqctl=path; those tests are skipped when it is missing). Each test declares its own
 * quorum queue (delivery limit 2, dead-lettering to its own queue) and deletes it afterwards; it
 * closes only its own connections.
 */
class RabbitAdapterBrokerIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final int DELIVERY_LIMIT = 2;
    static final String HOST = System.getProperty("rabbitmq.host", "127.0.0.1");
    static final int PORT = Integer.getInteger("rabbitmq.port", 5672);
    static final String USER = System.getProperty("rabbitmq.user", "guest");
    static final String PASSWORD = System.getProperty("rabbitmq.password", "guest");
    static final String VHOST = System.getProperty("rabbitmq.vhost", "/");
    static final String RABBITMQCTL = System.getProperty("rabbitmqctl", "rabbitmqctl");

    final String queue = "ra-it-" + UUID.randomUUID().toString().substring(0, 8);
    final String deadLetterExchange = queue + ".dlx";
    final String deadLetterQueue = queue + ".dead";

    final FakeTransactions transactions = new FakeTransactions();
    final FakeWorkManager workManager = new FakeWorkManager();
    final RabbitResourceAdapter adapter = new RabbitResourceAdapter();

    /** Per message body: every delivery's JMSXDeliveryCount, and the bodies whose transaction committed. */
    final Map<String, List<Integer>> deliveries = new ConcurrentHashMap<>();

    final List<String> committed = new CopyOnWriteArrayList<>();
    /** What the bean does with a body: "commit" unless this says otherwise. */
    final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

    /** The adapter's log, to wait for it to notice each failure, and by which path. */
    final List<String> log = new CopyOnWriteArrayList<>();

    final Logger adapterLogger = Logger.getLogger("com.bakeryia.alerts.rabbitmq.adapter");
    final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    FakeEndpointFactory factory;
    RabbitActivationSpec spec;
    Connection admin;
    Channel channel;

    enum Behaviour {
        COMMIT,
        ROLLBACK_ONCE,
        ROLLBACK_ALWAYS,
        TOO_SLOW_ONCE
    }

    @BeforeEach
    void declareQueueAndStartAdapter() throws Exception {
        ConnectionFactory connections = new ConnectionFactory();
        connections.setHost(HOST);
        connections.setPort(PORT);
        connections.setUsername(USER);
        connections.setPassword(PASSWORD);
        connections.setVirtualHost(VHOST);
        admin = connections.newConnection("ra-it admin " + queue);
        channel = admin.createChannel();
        channel.exchangeDeclare(deadLetterExchange, BuiltinExchangeType.FANOUT, false, true, null);
        channel.queueDeclare(deadLetterQueue, true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(deadLetterQueue, deadLetterExchange, "");
        channel.queueDeclare(
                queue,
                true,
                false,
                false,
                Map.of(
                        "x-queue-type",
                        "quorum",
                        "x-delivery-limit",
                        DELIVERY_LIMIT,
                        "x-dead-letter-exchange",
                        deadLetterExchange));

        adapterLogger.addHandler(logCapture);
        factory = new FakeEndpointFactory(transactions, true, this::onMessage);
        adapter.start(new FakeBootstrapContext(workManager, transactions));
        spec = new RabbitActivationSpec();
        spec.setHost(HOST);
        spec.setPort(PORT);
        spec.setVirtualHost(VHOST);
        spec.setUserName(USER);
        spec.setPassword(PASSWORD);
        spec.setQueueName(queue);
        spec.setReconnectInitialBackoffMillis(200L);
        spec.setReconnectMaxBackoffMillis(1_000L);
    }

    @AfterEach
    void stopAdapterAndDeleteQueues() throws Exception {
        adapter.stop();
        adapterLogger.removeHandler(logCapture);
        workManager.close();
        if (channel != null && channel.isOpen()) {
            channel.queueDelete(queue);
            channel.queueDelete(deadLetterQueue);
            channel.exchangeDelete(deadLetterExchange);
        }
        if (admin != null) {
            admin.close();
        }
    }

    void declareQueue() throws IOException {
        channel.queueDeclare(
                queue,
                true,
                false,
                false,
                Map.of(
                        "x-queue-type",
                        "quorum",
                        "x-delivery-limit",
                        DELIVERY_LIMIT,
                        "x-dead-letter-exchange",
                        deadLetterExchange));
    }

    void activate(int concurrency) throws Exception {
        spec.setConcurrency(concurrency);
        adapter.endpointActivation(factory, spec);
    }

    void onMessage(Message message, FakeTransactions tx) throws Exception {
        String body = new String(((BytesMessage) message).getBody(byte[].class), StandardCharsets.UTF_8);
        List<Integer> seen = deliveries.computeIfAbsent(body, b -> new CopyOnWriteArrayList<>());
        seen.add(message.getIntProperty("JMSXDeliveryCount"));
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.add(body);
                }
            }
        });
        switch (behaviours.getOrDefault(body, Behaviour.COMMIT)) {
            case ROLLBACK_ONCE -> {
                if (seen.size() == 1) {
                    tx.setRollbackOnly();
                }
            }
            case ROLLBACK_ALWAYS -> throw new IllegalStateException("poison: " + body);
            case TOO_SLOW_ONCE -> {
                if (seen.size() == 1) {
                    // Longer than deliveryTimeoutMillis: the JMS client interrupts this call.
                    new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                }
            }
            default -> {}
        }
    }

    void publish(String body) throws IOException {
        channel.basicPublish(
                "",
                queue,
                new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    int ready(String name) throws IOException {
        return channel.queueDeclarePassive(name).getMessageCount();
    }

    /** Waits until the adapter has logged a line containing one of {@code texts}. */
    void awaitLogged(String... texts) {
        await().atMost(WAIT)
                .until(() -> log.stream()
                        .anyMatch(line -> line != null && Arrays.stream(texts).anyMatch(line::contains)));
    }

    void awaitCommitted(String body) {
        await().atMost(WAIT).until(() -> committed.contains(body));
    }

    /** Once the adapter's connections are closed, an unacknowledged message would be ready again. */
    void assertAcknowledged() throws IOException {
        adapter.stop();
        assertEquals(0, ready(queue), "every message was acknowledged");
    }

    @Test
    void acknowledgesACommittedMessageAndOnlyThen() throws Exception {
        activate(1);
        publish("plain");
        awaitCommitted("plain");
        assertEquals(List.of(1), deliveries.get("plain"));
        assertAcknowledged();
    }

    @Test
    void consumesWithOneUnacknowledgedMessagePerConsumer() throws Exception {
        assumeTrue(rabbitmqctlWorks(), "rabbitmqctl is not available");
        activate(2);
        await().atMost(WAIT).until(() -> consumersOfQueue().size() == 2);
        for (String consumer : consumersOfQueue()) {
            List<String> columns = List.of(consumer.split("\t"));
            assertTrue(
                    columns.contains("1") && columns.contains("true"),
                    "prefetch 1 and manual acknowledgement: " + consumer);
        }
    }

    @Test
    void redeliversARolledBackMessage() throws Exception {
        behaviours.put("retry", Behaviour.ROLLBACK_ONCE);
        activate(1);
        publish("retry");
        awaitCommitted("retry");
        assertEquals(List.of(1, 2), deliveries.get("retry"), "rolled back once, then redelivered and committed");
        assertAcknowledged();
    }

    @Test
    void deadLettersAMessageThatKeepsFailingAndGoesOn() throws Exception {
        behaviours.put("poison", Behaviour.ROLLBACK_ALWAYS);
        activate(1);
        publish("poison");
        await().atMost(WAIT).until(() -> ready(deadLetterQueue) == 1);
        assertEquals(
                DELIVERY_LIMIT + 1,
                deliveries.get("poison").size(),
                "the first delivery and " + DELIVERY_LIMIT + " redeliveries, then dead-lettered: " + deliveries);
        assertFalse(committed.contains("poison"));

        publish("after-poison");
        awaitCommitted("after-poison");
        assertAcknowledged();
    }

    @Test
    void reconnectsAfterTheBrokerClosesItsConnection() throws Exception {
        assumeTrue(rabbitmqctlWorks(), "rabbitmqctl is not available");
        activate(1);
        publish("before");
        awaitCommitted("before");
        List<String> before = connectionsOfQueue();
        assertEquals(1, before.size(), before.toString());
        rabbitmqctl("close_connection", before.get(0), "test: the broker closes the adapter's connection");
        awaitLogged("connection lost");

        await().atMost(WAIT).until(() -> {
            List<String> now = connectionsOfQueue();
            return now.size() == 1 && !now.equals(before);
        });
        publish("after");
        awaitCommitted("after");
        assertAcknowledged();
    }

    @Test
    void reconnectsAfterTheBrokerCancelsItsConsumer() throws Exception {
        activate(1);
        publish("before");
        awaitCommitted("before");
        // Deleting the queue cancels its consumers (basic.cancel); their channels stay open.
        channel.queueDelete(queue);
        awaitLogged("the broker cancelled consumer");
        declareQueue();
        publish("after");
        awaitCommitted("after");
        assertAcknowledged();
    }

    @Test
    void reconnectsWhenItsQueueIsDeletedAndAtOnceDeclaredAgain() throws Exception {
        // RabbitMQ 3.10 then neither cancels the consumer nor delivers to it: the next message is
        // held for it, unacknowledged, and the ones after it wait. Only the consumer check notices.
        spec.setConsumerCheckIntervalMillis(500L);
        activate(1);
        publish("before");
        awaitCommitted("before");
        channel.queueDelete(queue);
        declareQueue();
        publish("held");
        publish("waiting");
        awaitLogged("its subscription is lost");
        awaitCommitted("held");
        awaitCommitted("waiting");
        assertAcknowledged();
    }

    @Test
    void reconnectsAfterTheClientClosesItsChannel() throws Exception {
        // The JMS client abandons a listener call that runs past onMessageTimeoutMs and closes the
        // channel under the session; the connection stays open. The message is redelivered.
        spec.setDeliveryTimeoutMillis(1_000);
        behaviours.put("slow", Behaviour.TOO_SLOW_ONCE);
        activate(1);
        publish("slow");
        // Whichever the adapter sees first: the channel's shutdown, or recovering on it failing.
        awaitLogged("stopped consuming (channel closed", "stopped consuming (could not recover the session");
        awaitCommitted("slow");
        assertEquals(2, deliveries.get("slow").size(), deliveries.toString());
        publish("after");
        awaitCommitted("after");
        assertAcknowledged();
    }

    boolean rabbitmqctlWorks() {
        try {
            rabbitmqctl("-q", "list_vhosts");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Pids of this test's adapter connections (their names carry the queue's). */
    List<String> connectionsOfQueue() throws IOException {
        List<String> pids = new ArrayList<>();
        for (String line : rabbitmqctl("-q", "list_connections", "-p", VHOST, "pid", "client_properties")
                .split("\n")) {
            if (line.contains("rabbitmq-ra " + queue + " #")) {
                pids.add(line.split("\t")[0]);
            }
        }
        return pids;
    }

    /** This test's queue's consumers: queue name, prefetch and ack_required, tab-separated. */
    List<String> consumersOfQueue() throws IOException {
        List<String> consumers = new ArrayList<>();
        for (String line : rabbitmqctl(
                        "-q", "list_consumers", "-p", VHOST, "queue_name", "prefetch_count", "ack_required")
                .split("\n")) {
            if (line.startsWith(queue + "\t")) {
                consumers.add(line);
            }
        }
        return consumers;
    }

    static String rabbitmqctl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(RABBITMQCTL);
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("rabbitmqctl timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("rabbitmqctl " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }
}
