package it.com.bakeryia.alerts.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.store.control.AlertStore;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import com.bakeryia.alerts.store.entity.Severity;
import com.bakeryia.alerts.streams.control.StreamFilter;
import com.bakeryia.alerts.streams.control.StreamReplay;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** StreamReplay's queries against the database: tenants, severity, service and type filters, cursors. */
@ExtendWith(ArquillianExtension.class)
class StreamReplayInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.application(StreamReplayInContainerIT.class);
    }

    @Inject
    AlertStore store;

    @Inject
    StreamReplay replay;

    String a;
    String b;
    /** The stored alerts' positions, in the order stored (which is also position order). */
    final List<Long> p = new ArrayList<>();

    /** Seven alerts of two tenants of this test's own, stored one after another, then positioned. */
    @BeforeEach
    void storeAlerts() throws Exception {
        a = InContainer.unique("tenant-a");
        b = InContainer.unique("tenant-b");
        store(a, "inventory", "low_stock", Severity.URGENT); // 0
        store(a, "inventory", "expired", Severity.HIGH); // 1
        store(a, "production", "failed_run", Severity.MEDIUM); // 2
        store(b, "inventory", "low_stock", Severity.HIGH); // 3
        store(a, "production", "failed_run", Severity.LOW); // 4
        store(b, "procurement", "late_delivery", Severity.URGENT); // 5
        store(a, "inventory", "low_stock", Severity.LOW); // 6
        InContainer.await("7 alerts positioned", () -> all(StreamFilter.NONE).size() == 7);
        p.clear();
        all(StreamFilter.NONE).forEach(alert -> p.add(alert.position()));
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.get(i) > p.get(i - 1), "stored one after another, positioned in that order: " + p);
        }
    }

    private void store(String tenant, String service, String type, Severity severity) {
        String id = InContainer.unique("replay");
        store.storeOnce(InContainer.alert(id, tenant, service, type, severity)).orElseThrow();
    }

    @Test
    void tenantsSelectTheirOwnAlerts() {
        assertEquals(expected(0, 1, 2, 4, 6), positions(Set.of(a), StreamFilter.NONE));
        assertEquals(expected(3, 5), positions(Set.of(b), StreamFilter.NONE));
        assertEquals(expected(0, 1, 2, 3, 4, 5, 6), positions(Set.of(a, b), StreamFilter.NONE));
        assertEquals(List.of(), positions(Set.of(InContainer.unique("tenant-none")), StreamFilter.NONE));
    }

    @Test
    void filtersBySeverityServiceAndType() {
        assertEquals(expected(0, 1, 3, 5), positions(Set.of(a, b), StreamFilter.parse("urgent,high", null, null)));
        assertEquals(expected(4, 6), positions(Set.of(a, b), StreamFilter.parse("low", null, null)));
        assertEquals(expected(0, 1, 3, 6), positions(Set.of(a, b), StreamFilter.parse(null, "inventory", null)));
        assertEquals(
                expected(2, 4, 5), positions(Set.of(a, b), StreamFilter.parse(null, "production,procurement", null)));
        assertEquals(expected(0, 6), positions(Set.of(a), StreamFilter.parse(null, null, "low_stock")));
        assertEquals(
                expected(0, 1, 3, 6), positions(Set.of(a, b), StreamFilter.parse(null, null, "low_stock,expired")));
        // All three at once, and with a tenant narrowing them further.
        StreamFilter highInventoryStock = StreamFilter.parse("high", "inventory", "expired,low_stock");
        assertEquals(expected(1, 3), positions(Set.of(a, b), highInventoryStock));
        assertEquals(expected(3), positions(Set.of(b), highInventoryStock));
        assertEquals(List.of(), positions(Set.of(b), StreamFilter.parse("low", null, null)));
        assertEquals(List.of(), positions(Set.of(a, b), StreamFilter.parse(null, "recipes", null)));
    }

    @Test
    void pagesStartAfterTheCursorStopAtTheBoundAndKeepTheLimit() {
        long head = replay.head();
        assertEquals(expected(3, 4, 5, 6), page(p.get(2), head, 100, StreamFilter.NONE));
        assertEquals(expected(0, 1, 2, 3, 4), page(0, p.get(4), 100, StreamFilter.NONE));
        assertEquals(expected(0, 1), page(0, head, 2, StreamFilter.NONE));
        assertEquals(expected(5), page(p.get(1), p.get(5), 100, StreamFilter.parse("urgent", null, null)));
        assertEquals(List.of(), page(p.get(6), head, 100, StreamFilter.NONE));
    }

    @Test
    void latestIsTheNewestInPositionOrder() {
        long head = replay.head();
        assertEquals(
                expected(4, 6),
                replay.latest(Set.of(a), StreamFilter.NONE, head, 2).stream()
                        .map(PublishedAlert::position)
                        .toList());
        assertEquals(
                expected(1, 3),
                replay.latest(Set.of(a, b), StreamFilter.parse("high", null, null), head, 5).stream()
                        .map(PublishedAlert::position)
                        .toList());
        assertEquals(
                expected(0, 1),
                replay.latest(Set.of(a), StreamFilter.NONE, p.get(1), 5).stream()
                        .map(PublishedAlert::position)
                        .toList());
    }

    @Test
    void plansResumeFromAKnownRecentCursorAndResyncOtherwise() {
        StreamReplay.Plan resume = replay.plan(String.valueOf(p.get(2)), Set.of(a, b), StreamFilter.NONE);
        assertTrue(resume.resumes(), "resumes from a recent cursor: " + resume);
        assertEquals((long) p.get(2), resume.after());
        assertTrue(resume.head() >= p.get(6));

        StreamReplay.Plan garbage = replay.plan("not-a-position", Set.of(a), StreamFilter.NONE);
        assertFalse(garbage.resumes());
        assertEquals("unknown_cursor", garbage.resyncReason());
        StreamReplay.Plan ahead = replay.plan(String.valueOf(replay.head() + 1000), Set.of(a), StreamFilter.NONE);
        assertEquals("unknown_cursor", ahead.resyncReason());
        StreamReplay.Plan zero = replay.plan("0", Set.of(a), StreamFilter.NONE);
        assertEquals("unknown_cursor", zero.resyncReason());
    }

    private List<PublishedAlert> all(StreamFilter filter) {
        return replay.page(Set.of(a, b), filter, 0, replay.head(), 1000);
    }

    private List<Long> positions(Set<String> tenants, StreamFilter filter) {
        return replay.page(tenants, filter, 0, replay.head(), 1000).stream()
                .map(PublishedAlert::position)
                .toList();
    }

    private List<Long> page(long after, long upTo, int limit, StreamFilter filter) {
        return replay.page(Set.of(a, b), filter, after, upTo, limit).stream()
                .map(PublishedAlert::position)
                .toList();
    }

    private List<Long> expected(int... indexes) {
        return IntStream.of(indexes).mapToObj(p::get).toList();
    }
}
