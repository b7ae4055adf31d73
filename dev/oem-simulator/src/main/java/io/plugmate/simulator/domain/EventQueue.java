package io.plugmate.simulator.domain;

import java.time.Instant;
import java.util.PriorityQueue;

/** Scheduled world events, ordered by time and then by insertion so that equal times replay identically. */
final class EventQueue {

    private record Entry(Instant at, long seq, Runnable action) implements Comparable<Entry> {

        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long seq;

    void schedule(Instant at, Runnable action) {
        queue.add(new Entry(at, seq++, action));
    }

    /** Time of the earliest event, or null when nothing is scheduled. */
    Instant peekTime() {
        Entry head = queue.peek();
        return head == null ? null : head.at();
    }

    /** The earliest event if it is due at or before {@code now}, else null. */
    Runnable pollDue(Instant now) {
        Entry head = queue.peek();
        if (head == null || head.at().isAfter(now)) {
            return null;
        }
        return queue.poll().action();
    }
}
