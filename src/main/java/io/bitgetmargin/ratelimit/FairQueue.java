package io.bitgetmargin.ratelimit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The waiters of one lane, queued per party (an opaque key the limiter is given: the edge passes the caller's name)
 * and taken least recently served party first: when several parties wait, turns go round between them, whatever
 * order they came in, and a party that had no turn for the longest (one that has just arrived, say) has the next.
 * Within a party, first come first served. Not thread-safe: the line's monitor guards it.
 * <p>
 * Why not first come first served across parties: one caller that queues forty changes at once would hold every
 * turn of an account for as long as it keeps pushing, and every other caller of the account would be refused.
 */
final class FairQueue {

    /** How many parties' last turns are remembered after their queues emptied; older ones count as never served. */
    private static final int REMEMBERED = 1024;

    private final Map<String, Deque<Waiter>> byParty = new LinkedHashMap<>();
    private final Map<String, Long> lastServed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long turns;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** How many parties have someone waiting. */
    int parties() {
        return byParty.size();
    }

    /** How many of {@code party}'s callers wait. */
    int waitingOf(String party) {
        Deque<Waiter> queue = byParty.get(party);
        return queue == null ? 0 : queue.size();
    }

    void add(Waiter waiter) {
        byParty.computeIfAbsent(waiter.party, key -> new ArrayDeque<>()).addLast(waiter);
        size++;
    }

    /** The next waiter to serve, taken off the queue; null when nobody waits. */
    Waiter next() {
        String chosen = null;
        long chosenServed = 0;
        long chosenSince = 0;
        for (Map.Entry<String, Deque<Waiter>> entry : byParty.entrySet()) {
            long served = lastServed.getOrDefault(entry.getKey(), Long.MIN_VALUE);
            long since = entry.getValue().peekFirst().sinceNanos;
            if (chosen == null || served < chosenServed || served == chosenServed && since - chosenSince < 0) {
                chosen = entry.getKey();
                chosenServed = served;
                chosenSince = since;
            }
        }
        if (chosen == null) {
            return null;
        }
        lastServed.put(chosen, ++turns);
        return take(chosen, byParty.get(chosen).pollFirst());
    }

    /**
     * The newest waiter of the party with the most waiting, taken off the queue to make room for another party's
     * caller, when that party has more than its share of what the line can serve within that waiter's own maximum
     * wait (a batch that may wait two minutes has room for its whole queue) among {@code parties}; null otherwise.
     */
    Waiter newestOverItsShare(int parties) {
        Deque<Waiter> largest = null;
        for (Deque<Waiter> queue : byParty.values()) {
            if (largest == null || queue.size() > largest.size()) {
                largest = queue;
            }
        }
        if (largest == null || largest.size() <= largest.peekLast().servable / Math.max(1, parties)) {
            return null;
        }
        return take(largest.peekLast().party, largest.pollLast());
    }

    boolean remove(Waiter waiter) {
        Deque<Waiter> queue = byParty.get(waiter.party);
        return queue != null && queue.remove(waiter) && take(waiter.party, waiter) != null;
    }

    void forEach(Consumer<Waiter> action) {
        byParty.values().forEach(queue -> queue.forEach(action));
    }

    void clear() {
        byParty.clear();
        size = 0;
    }

    /** Counts {@code waiter} off the queue of {@code party}, which forgets an emptied party. */
    private Waiter take(String party, Waiter waiter) {
        size--;
        if (byParty.get(party).isEmpty()) {
            byParty.remove(party);
        }
        return waiter;
    }
}
