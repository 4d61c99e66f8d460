package it.com.bakeryia.alerts.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.tenants.control.Memberships;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Memberships against the tenant_memberships table: set, read, and the per-user cache, which a
 * change through the bean (or an invalidation from another server) drops, and which a row written
 * past the bean does not reach until then. Runs well within memberships.cache.seconds (60).
 * Users and tenants are new on every run, so the tests also hold on a shared database.
 */
@ExtendWith(ArquillianExtension.class)
class MembershipsInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.application(MembershipsInContainerIT.class);
    }

    @Inject
    Memberships memberships;

    @Inject
    DirectDatabase database;

    @Test
    void setReadAndChange() {
        String user = InContainer.unique("user");
        String t = InContainer.unique("tenant");

        assertEquals(List.of(), memberships.tenantsOf(user), "nobody's member yet");
        assertEquals(
                List.of(t + "-1", t + "-2"),
                memberships.replace(user, List.of(t + "-2", t + "-1", t + "-2")),
                "replace keeps each tenant once, sorted");
        assertEquals(List.of(t + "-1", t + "-2"), memberships.tenantsOf(user), "the empty list cached before is gone");
        assertEquals(List.of(t + "-1", t + "-2"), memberships.stored(user));

        assertTrue(memberships.add(user, t + "-3"));
        assertFalse(memberships.add(user, t + "-3"), "a member already");
        assertEquals(List.of(t + "-1", t + "-2", t + "-3"), memberships.tenantsOf(user));

        assertTrue(memberships.remove(user, t + "-1"));
        assertFalse(memberships.remove(user, t + "-1"), "not a member any more");
        assertEquals(List.of(t + "-2", t + "-3"), memberships.tenantsOf(user));

        assertEquals(List.of(), memberships.replace(user, List.of()));
        assertEquals(List.of(), memberships.tenantsOf(user));
        assertEquals(List.of(), memberships.stored(user));
    }

    /**
     * Staleness is only asserted for users never changed through the bean: with Redis (the
     * real-services profile) a change through the bean comes back from Redis as an invalidation
     * at some later moment, which would make a "still cached" read flaky.
     */
    @Test
    void theCacheServesReadsUntilInvalidatedOrChangedThroughTheBean() {
        String user = InContainer.unique("user");
        String t = InContainer.unique("tenant");
        database.insertMembership(user, t + "-1");
        assertEquals(List.of(t + "-1"), memberships.tenantsOf(user));

        database.insertMembership(user, t + "-2"); // past the bean: the cache does not hear of it
        assertEquals(List.of(t + "-1"), memberships.tenantsOf(user), "served from the cache");
        assertEquals(List.of(t + "-1", t + "-2"), memberships.stored(user), "the table has both");

        memberships.invalidate(user); // what a message from another server does
        assertEquals(List.of(t + "-1", t + "-2"), memberships.tenantsOf(user), "reloaded after invalidate");

        database.insertMembership(user, t + "-3");
        assertEquals(List.of(t + "-1", t + "-2"), memberships.tenantsOf(user), "cached again");
        assertTrue(memberships.add(user, t + "-4"));
        assertEquals(
                List.of(t + "-1", t + "-2", t + "-3", t + "-4"),
                memberships.tenantsOf(user),
                "a change through the bean reloads the user's tenants");
    }

    @Test
    void invalidatedAgainAfterCommitWhenReadInsideTheChangingTransaction() throws Exception {
        String user = InContainer.unique("user");
        String t = InContainer.unique("tenant");
        memberships.replace(user, List.of(t + "-1"));

        UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
        transaction.begin();
        try {
            assertTrue(memberships.add(user, t + "-2"));
            // Read inside the transaction: the cache now holds this transaction's view.
            assertEquals(List.of(t + "-1", t + "-2"), memberships.tenantsOf(user));
            transaction.commit();
        } catch (Exception | AssertionError e) {
            transaction.rollback();
            throw e;
        }
        database.insertMembership(user, t + "-3");
        // (With Redis the change's echo from Redis drops it too; without, only the after-commit observer does.)
        assertEquals(
                List.of(t + "-1", t + "-2", t + "-3"),
                memberships.tenantsOf(user),
                "the entry cached during the transaction was dropped once it committed");
    }

    @Test
    void otherUsersKeepTheirCachedTenants() {
        String alice = InContainer.unique("user");
        String bob = InContainer.unique("user");
        String t = InContainer.unique("tenant");
        memberships.replace(alice, List.of(t + "-a"));
        database.insertMembership(bob, t + "-b"); // bob is never changed through the bean (see above)
        assertEquals(List.of(t + "-b"), memberships.tenantsOf(bob));

        database.insertMembership(bob, t + "-c");
        assertTrue(memberships.add(alice, t + "-c"));
        assertEquals(List.of(t + "-a", t + "-c"), memberships.tenantsOf(alice));
        assertEquals(List.of(t + "-b"), memberships.tenantsOf(bob), "alice's change left bob's entry cached");
        memberships.invalidateAll();
        assertEquals(List.of(t + "-b", t + "-c"), memberships.tenantsOf(bob));
    }
}
