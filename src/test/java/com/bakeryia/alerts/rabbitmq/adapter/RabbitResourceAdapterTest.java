package com.bakeryia.alerts.rabbitmq.adapter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.rabbitmq.adapter.FakeJms.FakeBroker;
import com.bakeryia.alerts.rabbitmq.adapter.FakeJms.FakeConnection;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Activation and deactivation as the server drives them, with an in-memory broker. */
class RabbitResourceAdapterTest {

    final FakeTransactions transactions = new FakeTransactions();
    final FakeWorkManager workManager = new FakeWorkManager();
    final FakeBroker broker = new FakeBroker();
    final AtomicReference<ConsumerSettings> settingsSeen = new AtomicReference<>();
    final RabbitResourceAdapter adapter = new RabbitResourceAdapter(settings -> {
        settingsSeen.set(settings);
        return broker;
    });
    final FakeEndpointFactory factory = new FakeEndpointFactory(transactions, true, (m, tx) -> {});

    @AfterEach
    void tearDown() throws InterruptedException {
        adapter.stop();
        workManager.close();
    }

    @Test
    void activationStartsOneConnectionPerConcurrencySlotAndDeactivationClosesThem() throws Exception {
        adapter.start(new FakeBootstrapContext(workManager, transactions));
        RabbitActivationSpec spec = RabbitActivationSpecTest.valid();
        spec.setConcurrency(3);
        adapter.endpointActivation(factory, spec);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.connections.size() == 3);
        assertEquals("alerts", settingsSeen.get().queueName());
        assertEquals(1, adapter.activeEndpoints().size());

        adapter.endpointDeactivation(factory, spec);
        assertTrue(broker.connections.stream().allMatch(c -> c.closed));
        assertTrue(adapter.activeEndpoints().isEmpty());
    }

    @Test
    void stoppingTheAdapterClosesEveryEndpoint() throws Exception {
        FakeBootstrapContext context = new FakeBootstrapContext(workManager, transactions);
        adapter.start(context);
        adapter.endpointActivation(factory, RabbitActivationSpecTest.valid());
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.connections.size() == 1);
        adapter.stop();
        assertTrue(broker.connections.stream().allMatch(FakeConnection::closedNow));
        assertThrows(
                IllegalStateException.class,
                () -> context.timers
                        .get(0)
                        .schedule(
                                new java.util.TimerTask() {
                                    @Override
                                    public void run() {}
                                },
                                1),
                "the timer is cancelled, so no reconnection can be scheduled");
    }

    @Test
    void anInvalidSpecIsRejectedWithEveryProblem() throws Exception {
        adapter.start(new FakeBootstrapContext(workManager, transactions));
        InvalidPropertyException rejected = assertThrows(
                InvalidPropertyException.class, () -> adapter.endpointActivation(factory, new RabbitActivationSpec()));
        assertTrue(rejected.getMessage().contains("queueName is required"), rejected.getMessage());
    }

    @Test
    void anotherAdaptersSpecIsNotSupported() throws Exception {
        adapter.start(new FakeBootstrapContext(workManager, transactions));
        ActivationSpec foreign = new ActivationSpec() {
            @Override
            public void validate() {}

            @Override
            public ResourceAdapter getResourceAdapter() {
                return null;
            }

            @Override
            public void setResourceAdapter(ResourceAdapter ra) {}
        };
        assertThrows(NotSupportedException.class, () -> adapter.endpointActivation(factory, foreign));
    }

    @Test
    void aTransactedEndpointNeedsTheTransactionRegistry() throws Exception {
        adapter.start(new FakeBootstrapContext(workManager, null));
        NotSupportedException rejected = assertThrows(
                NotSupportedException.class,
                () -> adapter.endpointActivation(factory, RabbitActivationSpecTest.valid()));
        assertTrue(rejected.getMessage().contains("TransactionSynchronizationRegistry"), rejected.getMessage());
    }
}
