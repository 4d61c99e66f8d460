package com.bakeryia.alerts.streams.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import com.bakeryia.alerts.store.entity.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PositionSequenceTest {

    static final long GAP_WAIT_NANOS = InOrderDelivery.GAP_WAIT.toNanos();

    final List<Long> delivered = new ArrayList<>();
    final List<long[]> reads = new ArrayList<>();
    /** The sequence's clock, starting at 0: a monotonic clock's origin is arbitrary, 0 included. */
    long now = 0;

    final PositionSequence sequence = new PositionSequence(() -> now, alert -> delivered.add(alert.position()));

    static PublishedAlert alert(long position) {
        return new PublishedAlert(
                position,
                position,
                "a" + position,
                "t",
                "inventory",
                "low_stock",
                Severity.LOW,
                "inventory_alert",
                "{}");
    }

    /** The database: every position exists except those listed as gone. */
    PositionSequence.Reader database(long... gone) {
        return (from, upTo) -> {
            reads.add(new long[] {from, upTo});
            return LongStream.rangeClosed(from, upTo)
                    .filter(p -> LongStream.of(gone).noneMatch(g -> g == p))
                    .mapToObj(PositionSequenceTest::alert)
                    .toList();
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
    void aPositionThatNeverArrivesIsReadFromTheDatabaseAfterTheWait() {
        sequence.startAfter(0);
        sequence.accept(alert(1));
        sequence.accept(alert(4)); // 2 and 3 were lost on the way
        sequence.fillIfWaitedLongerThan(60_000_000_000L, database());
        assertEquals(List.of(1L), delivered, "not before the wait is over");
        now += TimeUnit.MILLISECONDS.toNanos(5);
        sequence.fillIfWaitedLongerThan(1_000_000L, database());
        assertEquals(List.of(1L, 2L, 3L, 4L), delivered);
        assertEquals(1, reads.size());
        assertEquals(2, reads.get(0)[0]);
        assertEquals(3, reads.get(0)[1]);
    }

    @Test
    void aHeldBackPositionIsDeliveredOnceTheGapWaitHasPassedAndNotBefore() {
        sequence.startAfter(0);
        sequence.accept(alert(2)); // 1 is late
        now += GAP_WAIT_NANOS - 1;
        sequence.fillIfWaitedLongerThan(GAP_WAIT_NANOS, database());
        assertEquals(List.of(), delivered, "2 waits for 1 until the gap wait is over");
        assertEquals(0, reads.size(), "and the database is not read before then");
        now += 2;
        sequence.fillIfWaitedLongerThan(GAP_WAIT_NANOS, database());
        assertEquals(List.of(1L, 2L), delivered);
        assertEquals(1, reads.size());
        assertEquals(1, reads.get(0)[0]);
        assertEquals(1, reads.get(0)[1]);
    }

    @Test
    void aPositionTheDatabaseDoesNotHaveIsSkipped() {
        sequence.startAfter(0);
        sequence.accept(alert(3));
        now += TimeUnit.MILLISECONDS.toNanos(2);
        sequence.fillIfWaitedLongerThan(1_000_000L, database(2));
        assertEquals(List.of(1L, 3L), delivered);
        sequence.accept(alert(4));
        assertEquals(List.of(1L, 3L, 4L), delivered);
    }

    @Test
    void aLongCatchUpIsReadAPageAtATimeAndSkipsNothingUnread() {
        sequence.startAfter(0);
        PositionSequence.Reader twoAtATime = (from, upTo) -> {
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
