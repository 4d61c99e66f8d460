package it.com.bakeryia.alerts.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.notifications.control.Deliveries;
import com.bakeryia.alerts.notifications.control.DeliveryClaims;
import com.bakeryia.alerts.notifications.control.DeliveryJob;
import com.bakeryia.alerts.notifications.control.SettingsJson;
import com.bakeryia.alerts.notifications.control.TenantSettings;
import com.bakeryia.alerts.notifications.control.Transports;
import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.notifications.entity.Delivery;
import com.bakeryia.alerts.store.control.AlertStore;
import com.bakeryia.alerts.store.control.AlertStored;
import com.bakeryia.alerts.store.entity.Severity;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox inside the server: deliveries decided in the alert's transaction, and claims. */
@ExtendWith(ArquillianExtension.class)
class DeliveriesInContainerIT {

    static final int CLAIMERS = 4;
    static final int ROWS = 60;

    @Deployment
    static WebArchive deployment() {
        return InContainer.application(DeliveriesInContainerIT.class);
    }

    @Inject
    AlertStore store;

    @Inject
    TenantSettings settings;

    @Inject
    Deliveries deliveries;

    @Inject
    DeliveryClaims claims;

    @Inject
    Transports transports;

    @Inject
    DirectDatabase database;

    void recipients(String tenant) {
        settings.replace(
                tenant,
                SettingsJson.parse("{\"recipients\": {\"email\": [\"ops@" + tenant + ".example\"], \"whatsapp\":"
                        + " [\"+34600000001\"]}, \"group_window_seconds\": 0}"),
                "test");
    }

    /**
     * Stored and decided together: each channel's delivery exists as soon as the alert does, with
     * {@code not_configured} for a channel this server has no transport for (the embedded test
     * server has neither SMTP nor Twilio; the real-services one has both).
     */
    @Test
    void anAlertIsStoredWithItsDeliveries() {
        String tenant = InContainer.unique("tenant");
        recipients(tenant);
        String id = InContainer.unique("decided");
        store.storeOnce(InContainer.alert(id, tenant, "inventory", "low_stock", Severity.URGENT));

        List<Delivery> rows = deliveries.of(id);
        assertEquals(2, rows.size());
        for (Delivery row : rows) {
            boolean configured = transports.configured().contains(row.channel());
            String expected = configured ? "pending|sent|failed" : "not_configured";
            assertTrue(
                    row.status().wireName().matches(expected),
                    row.channel() + " is " + row.status() + ", configured: " + configured);
        }
        if (transports.configured().isEmpty()) {
            assertTrue(rows.stream().allMatch(r -> r.dueAt() == null), "nothing to try without a transport");
        }
    }

    /** A rolled-back alert leaves no deliveries: they are written in its transaction. */
    @Test
    void aRolledBackAlertLeavesNoDeliveries() throws Exception {
        String tenant = InContainer.unique("tenant");
        recipients(tenant);
        String id = InContainer.unique("rolled-back");
        UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
        transaction.begin();
        store.storeOnce(InContainer.alert(id, tenant, "inventory", "low_stock", Severity.URGENT));
        assertEquals(2, deliveries.of(id).size(), "decided inside the transaction");
        transaction.rollback();

        assertEquals(0, database.alertRows(id));
        assertEquals(List.of(), deliveries.of(id));
    }

    /**
     * Claimers at the same moment — four here (this server's own dispatcher is off), and on the real
     * services the two other servers' dispatchers — take different deliveries, and together all of
     * them: on PostgreSQL through FOR UPDATE SKIP LOCKED, on embedded Derby by taking turns. A
     * delivery this test claimed is never attempted by a dispatcher, and every other one is.
     */
    @Test
    void concurrentClaimersTakeEachDeliveryOnce() throws Exception {
        String tenant = InContainer.unique("tenant");
        String id = InContainer.unique("claims");
        AlertStored stored = store.storeOnce(InContainer.alert(id, tenant, "inventory", "low_stock", Severity.LOW))
                .orElseThrow();
        Instant due = Instant.now().minusSeconds(3600);
        for (int i = 0; i < ROWS; i++) {
            database.insertDelivery(stored.seq(), id, tenant, "r" + i + "@" + tenant + ".example", due);
        }
        try {
            ManagedExecutorService pool = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<DeliveryJob>>> results = new ArrayList<>();
            for (int c = 0; c < CLAIMERS; c++) {
                results.add(pool.submit(() -> {
                    go.await();
                    List<DeliveryJob> mine = new ArrayList<>();
                    List<DeliveryJob> batch;
                    do {
                        batch = claims.claim(3, EnumSet.allOf(Channel.class)).stream()
                                .filter(job -> job.alertId().equals(id))
                                .toList();
                        mine.addAll(batch);
                    } while (!batch.isEmpty());
                    return mine;
                }));
            }
            go.countDown();
            List<Long> claimed = new ArrayList<>();
            for (Future<List<DeliveryJob>> result : results) {
                result.get().forEach(job -> claimed.add(job.deliveryId()));
            }
            Set<Long> ours = new HashSet<>(claimed);
            assertEquals(claimed.size(), ours.size(), "no delivery claimed twice by the test's claimers");

            // Every delivery the test did not take was taken by a dispatcher, which attempts it.
            InContainer.await(
                    "the dispatchers' attempts",
                    () -> deliveries.of(id).stream()
                            .filter(d -> !ours.contains(d.id()))
                            .allMatch(d -> d.attempts() > 0));
            List<Delivery> rows = deliveries.of(id);
            assertEquals(ROWS, rows.size());
            for (Delivery row : rows) {
                if (ours.contains(row.id())) {
                    assertEquals(0, row.attempts(), "claimed by the test, so never attempted: " + row.recipient());
                    assertTrue(row.claimedUntil() != null, "leased");
                }
            }
            assertEquals(
                    Set.of(Channel.EMAIL), rows.stream().map(Delivery::channel).collect(Collectors.toSet()));
        } finally {
            database.deleteDeliveries(id);
        }
    }
}
