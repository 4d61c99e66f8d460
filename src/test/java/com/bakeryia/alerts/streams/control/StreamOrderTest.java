package com.bakeryia.alerts.streams.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bakeryia.alerts.store.entity.Severity;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StreamOrderTest {

    final List<Long> delivered = new ArrayList<>();
    final List<long[]> reads = new ArrayList<>();
    final StreamOrder order = new StreamOrder();
    final StreamOrder.Sequence sequence = order.new Sequence();

    StreamOrderTest() {
        order.broadcasters = new TenantBroadcasters() {
            @Override
            public void deliver(PublishedAlert alert) {
                delivered.add(alert.position());
            }
        };
    }

    static PublishedAlert alert(long position) {
        return new PublishedAlert(position, position, "a" + position, "t", "inventory", "low_stock", Severity.LOW,
                "inventory_alert", "{}");
    }

    /** The database: every position exists except those listed as gone. */
    StreamOrder.Reader database(long... gone) {
        return (from, upTo) -> {
            reads.add(new long[] {from, upTo});
            return LongStream.rangeClosed(from, upTo)
                    .filter(p -> LongStream.of(gone).noneMatch(g -> g == p))
                    .mapToObj(StreamOrderTest::alert).toList();
        };
    }

    @Test
    void alertsInOrderGoStraightThroughOnce() {
        sequence.startAfter(10);
        for (long p : new long[] {11, 12, 12, 13, 9}) {
            sequence.accept(alert(p));
        }
        assertEquals(List.of(11L, 12L, 13L), delivered, "duplicates and what predates the start are dropped");
    }

    @Test
    void aLaterBatchThatArrivesFirstWaitsForTheEarlierOne() {
        sequence.startAfter(0);
        for (long p : new long[] {4, 5, 1, 3, 2}) {
            sequence.accept(alert(p));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), delivered);
    }

    @Test
    void aPositionThatNeverArrivesIsReadFromTheDatabaseAfterTheWait() throws InterruptedException {
        sequence.startAfter(0);
        sequence.accept(alert(1));
        sequence.accept(alert(4)); // 2 and 3 were lost on the way
        sequence.fillIfWaitedLongerThan(60_000_000_000L, database());
        assertEquals(List.of(1L), delivered, "not before the wait is over");
        Thread.sleep(5);
        sequence.fillIfWaitedLongerThan(1_000_000L, database());
        assertEquals(List.of(1L, 2L, 3L, 4L), delivered);
        assertEquals(1, reads.size());
        assertEquals(2, reads.get(0)[0]);
        assertEquals(3, reads.get(0)[1]);
    }

    @Test
    void aPositionTheDatabaseDoesNotHaveIsSkipped() throws InterruptedException {
        sequence.startAfter(0);
        sequence.accept(alert(3));
        Thread.sleep(2);
        sequence.fillIfWaitedLongerThan(1_000_000L, database(2));
        assertEquals(List.of(1L, 3L), delivered);
        sequence.accept(alert(4));
        assertEquals(List.of(1L, 3L, 4L), delivered);
    }

    @Test
    void aLongCatchUpIsReadAPageAtATimeAndSkipsNothingUnread() {
        sequence.startAfter(0);
        StreamOrder.Reader twoAtATime = (from, upTo) -> {
            reads.add(new long[] {from, upTo});
            return database(4).read(from, upTo).stream().limit(2).toList();
        };
        sequence.fill(7, twoAtATime);
        assertEquals(List.of(1L, 2L, 3L, 5L, 6L, 7L), delivered, "4 is gone; nothing beyond a page is skipped");
        sequence.accept(alert(8));
        assertEquals(8L, delivered.get(delivered.size() - 1));
    }

    @Test
    void aCatchUpAfterAnOutageDeliversWhatWasPublishedMeanwhile() {
        sequence.startAfter(5);
        sequence.accept(alert(6));
        sequence.fill(9, database());
        sequence.accept(alert(8));
        sequence.accept(alert(10));
        assertEquals(List.of(6L, 7L, 8L, 9L, 10L), delivered);
    }
}
