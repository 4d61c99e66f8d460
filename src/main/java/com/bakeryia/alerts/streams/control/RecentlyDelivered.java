package com.bakeryia.alerts.streams.control;

import java.util.LinkedHashSet;
import java.util.Iterator;

/** A bounded memory of the last N delivered alert cursors; the oldest is forgotten first. */
final class RecentlyDelivered {

    private final int capacity;
    private final LinkedHashSet<Long> seqs = new LinkedHashSet<>();

    RecentlyDelivered(int capacity) {
        this.capacity = capacity;
    }

    /** @return true the first time a cursor is seen (within the last {@code capacity}) */
    synchronized boolean add(long seq) {
        if (!seqs.add(seq)) {
            return false;
        }
        if (seqs.size() > capacity) {
            Iterator<Long> oldest = seqs.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
