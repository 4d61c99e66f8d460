package it.com.bakeryia.alerts.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.store.control.AlertStore;
import com.bakeryia.alerts.store.control.AlertStored;
import com.bakeryia.alerts.store.control.AlertSubmission;
import com.bakeryia.alerts.store.entity.Severity;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** AlertStore.storeOnce inside the server, against the real database and transactions. */
@ExtendWith(ArquillianExtension.class)
class AlertStoreInContainerIT {

    private static final Logger LOG = Logger.getLogger(AlertStoreInContainerIT.class.getName());
    static final int THREADS = 8;
    static final int ROUNDS = 5;

    @Deployment
    static WebArchive deployment() {
        return InContainer.application(AlertStoreInContainerIT.class);
    }

    @Inject
    AlertStore store;

    @Inject
    DirectDatabase database;

    enum Outcome {
        STORED,
        DUPLICATE,
        ROLLED_BACK
    }

    @Test
    void storesOnceAndRecognisesTheSecondDeliveryAsADuplicate() {
        String tenant = InContainer.unique("tenant");
        AlertSubmission submission =
                InContainer.alert(InContainer.unique("once"), tenant, "inventory", "low_stock", Severity.HIGH);

        Optional<AlertStored> first = store.storeOnce(submission);
        Optional<AlertStored> second = store.storeOnce(submission);

        assertTrue(first.isPresent(), "the first delivery is stored");
        assertEquals(submission.id(), first.get().alertId());
        assertTrue(first.get().seq() > 0, "a row id");
        assertEquals(Optional.empty(), second, "the second delivery is a duplicate");
        assertEquals(1, database.alertRows(submission.id()));
    }

    /**
     * THREADS deliveries of one id at once, ROUNDS times: exactly one stores it; every other one
     * either sees it stored (duplicate) or loses the race on the unique constraint and rolls back,
     * and then its redelivery (a retry here) sees it stored. Never two rows.
     */
    @Test
    void concurrentDeliveriesOfOneIdStoreExactlyOneRow() throws Exception {
        ManagedExecutorService pool = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        String tenant = InContainer.unique("tenant");
        int rolledBackInAll = 0;
        for (int round = 0; round < ROUNDS; round++) {
            AlertSubmission submission =
                    InContainer.alert(InContainer.unique("race"), tenant, "inventory", "low_stock", Severity.URGENT);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> attempts = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                attempts.add(pool.submit(() -> {
                    go.await();
                    return attempt(submission);
                }));
            }
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> attempt : attempts) {
                outcomes.add(attempt.get(60, TimeUnit.SECONDS));
            }
            long stored = outcomes.stream().filter(o -> o == Outcome.STORED).count();
            long rolledBack =
                    outcomes.stream().filter(o -> o == Outcome.ROLLED_BACK).count();
            rolledBackInAll += (int) rolledBack;
            // What a broker does with a rolled-back delivery: deliver it again.
            List<Outcome> redeliveries = new ArrayList<>();
            for (long i = 0; i < rolledBack; i++) {
                redeliveries.add(redeliver(submission));
            }
            stored += redeliveries.stream().filter(o -> o == Outcome.STORED).count();

            String where = "round " + round + ": " + outcomes + ", redelivered " + redeliveries;
            LOG.info(where);
            assertEquals(1, stored, "exactly one delivery stores the alert, " + where);
            assertTrue(redeliveries.stream().allMatch(o -> o != Outcome.ROLLED_BACK), where);
            if (outcomes.contains(Outcome.STORED)) {
                assertTrue(
                        redeliveries.stream().allMatch(o -> o == Outcome.DUPLICATE),
                        "a redelivery after the row committed is a duplicate, " + where);
            }
            assertEquals(1, database.alertRows(submission.id()), "one row, " + where);
        }
        LOG.info("Deliveries that lost the race and rolled back: " + rolledBackInAll + " of " + THREADS * ROUNDS);
    }

    private Outcome attempt(AlertSubmission submission) {
        try {
            return store.storeOnce(submission).isPresent() ? Outcome.STORED : Outcome.DUPLICATE;
        } catch (RuntimeException e) {
            LOG.fine(() -> "A delivery of " + submission.id() + " rolled back: " + e);
            return Outcome.ROLLED_BACK;
        }
    }

    /** A rolled-back delivery comes again, a few times at most (e.g. after a lock timeout). */
    private Outcome redeliver(AlertSubmission submission) {
        Outcome outcome = Outcome.ROLLED_BACK;
        for (int i = 0; i < 3 && outcome == Outcome.ROLLED_BACK; i++) {
            outcome = attempt(submission);
        }
        return outcome;
    }
}
