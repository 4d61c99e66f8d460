package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.store.control.PositionedAlerts;
import com.bakeryia.alerts.store.control.StreamPositions;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what a resuming stream gets for its cursor — everything after it, or a {@code resync}
 * and a recent window when the cursor is unknown or too old — and reads it through
 * {@link PositionedAlerts}: the alerts of its tenants that pass its filter, by stream position.
 */
@ApplicationScoped
public class StreamReplay {

    static final String UNKNOWN_CURSOR = "unknown_cursor";
    static final String CURSOR_TOO_OLD = "cursor_too_old";
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");

    @Inject
    StreamPositions positions;

    @Inject
    PositionedAlerts alerts;

    @Inject
    StreamSettings settings;

    /**
     * What to replay for a cursor: everything after it, or — for a cursor that is unknown or too
     * old — a {@code resync} with a bounded recent window.
     *
     * @param head         the highest visible position when the replay began
     * @param after        replay the alerts after this position (resume only)
     * @param resyncReason null to resume, else why the cursor cannot be resumed from
     */
    public record Plan(long head, long after, String resyncReason) {

        public boolean resumes() {
            return resyncReason == null;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan plan(String cursor, Set<String> tenants, StreamFilter filter) {
        long head = positions.head();
        OptionalLong position = position(cursor);
        if (position.isEmpty()) {
            return new Plan(head, head, UNKNOWN_CURSOR);
        }
        long after = position.getAsLong();
        if (after > head) {
            return new Plan(head, head, UNKNOWN_CURSOR);
        }
        if (after == head) {
            return new Plan(head, after, null);
        }
        Optional<Instant> positionedAt = alerts.positionedAt(after);
        if (positionedAt.isEmpty() || positionedAt.get().isBefore(Instant.now().minus(settings.resumeMaxAge()))) {
            return new Plan(head, head, CURSOR_TOO_OLD);
        }
        if (alerts.count(filter.selection(tenants), after, head) > settings.resumeMaxEvents()) {
            return new Plan(head, head, CURSOR_TOO_OLD);
        }
        return new Plan(head, after, null);
    }

    /**
     * The stream position a {@code Last-Event-ID} names: 1 to 18 digits, surrounding blanks
     * ignored, not 0. Anything else (whatever a client or proxy sends) is no position — the
     * stream gets a {@code resync}, never an error.
     */
    static OptionalLong position(String cursor) {
        String text = cursor == null ? "" : cursor.strip();
        if (!CURSOR.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        long position = Long.parseLong(text);
        return position == 0 ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** The highest position given so far: every position at or below it is visible. */
    public long head() {
        return positions.head();
    }

    /** Up to {@code limit} alerts after {@code after} and at most {@code upTo}, in position order. */
    public List<PublishedAlert> page(Set<String> tenants, StreamFilter filter, long after, long upTo, int limit) {
        return alerts.page(filter.selection(tenants), after, upTo, limit);
    }

    /** Every tenant's alerts with positions from {@code from} to {@code upTo}, in position order. */
    public List<PublishedAlert> range(long from, long upTo, int limit) {
        return alerts.range(from, upTo, limit);
    }

    /** The newest {@code limit} alerts at or below {@code upTo}, in position order. */
    public List<PublishedAlert> latest(Set<String> tenants, StreamFilter filter, long upTo, int limit) {
        return alerts.latest(filter.selection(tenants), upTo, limit);
    }
}
