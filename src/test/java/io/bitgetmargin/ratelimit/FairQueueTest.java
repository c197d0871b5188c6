package io.bitgetmargin.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Whose caller goes next when several callers wait in one lane. */
class FairQueueTest {

    private long clock;

    private Waiter waiter(String party) {
        return new Waiter(null, new Turn(party), ++clock);
    }

    private static List<String> drain(FairQueue queue, int count) {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(queue.next().party);
        }
        return order;
    }

    @Test
    void turnsGoRoundBetweenPartiesWhateverOrderTheyQueuedIn() {
        FairQueue queue = new FairQueue();
        for (int i = 0; i < 5; i++) {
            queue.add(waiter("noisy"));
        }
        queue.add(waiter("quiet"));
        queue.add(waiter("quiet"));
        assertEquals(List.of("noisy", "quiet", "noisy", "quiet", "noisy", "noisy", "noisy"), drain(queue, 7));
        assertNull(queue.next());
        assertEquals(0, queue.size());
    }

    @Test
    void aPartyThatHadNoTurnYetHasTheNextOne() {
        FairQueue queue = new FairQueue();
        for (int i = 0; i < 4; i++) {
            queue.add(waiter("noisy"));
        }
        assertEquals(List.of("noisy", "noisy"), drain(queue, 2));
        queue.add(waiter("newcomer"));
        assertEquals("newcomer", queue.next().party);
        // One that was served a moment ago waits for those served before it.
        queue.add(waiter("newcomer"));
        assertEquals(List.of("noisy", "newcomer", "noisy"), drain(queue, 3));
    }

    @Test
    void aCallerWhoWaitsAloneWithinItsPartyGoesInArrivalOrder() {
        FairQueue queue = new FairQueue();
        Waiter first = waiter("desk");
        Waiter second = waiter("desk");
        queue.add(first);
        queue.add(second);
        assertEquals(first, queue.next());
        assertEquals(second, queue.next());
    }

    @Test
    void roomIsMadeByTheNewestCallerOfAPartyOverItsShare() {
        FairQueue queue = new FairQueue();
        queue.add(new Waiter(null, new Turn("quiet"), ++clock, 4));
        Waiter newestNoisy = null;
        for (int i = 0; i < 3; i++) {
            newestNoisy = new Waiter(null, new Turn("noisy"), ++clock, 4);
            queue.add(newestNoisy);
        }
        // Four can be served within the noisy callers' wait, two for each of the two parties: noisy has three.
        assertEquals(newestNoisy, queue.newestOverItsShare(2));
        assertEquals(2, queue.waitingOf("noisy"));
        assertNull(queue.newestOverItsShare(2), "now within its share");
        assertEquals(1, queue.waitingOf("quiet"));
    }

    @Test
    void aPartyThatMayWaitLongerKeepsItsQueue() {
        FairQueue queue = new FairQueue();
        for (int i = 0; i < 10; i++) {
            queue.add(new Waiter(null, new Turn("batch"), ++clock, 600));
        }
        assertNull(queue.newestOverItsShare(2), "a batch that may wait two minutes is within its share");
    }

    @Test
    void aRemovedCallerLeavesNoEmptyParty() {
        FairQueue queue = new FairQueue();
        Waiter alone = waiter("alone");
        queue.add(alone);
        queue.add(waiter("other"));
        assertEquals(true, queue.remove(alone));
        assertEquals(1, queue.parties());
        assertEquals("other", queue.next().party);
        assertEquals(true, queue.isEmpty());
    }
}
