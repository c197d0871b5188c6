package io.bitgetmargin.ratelimit;

import java.time.Duration;

/** Leave to make one call to Bitget; {@link #release()} when it has ended, however it ended. */
public interface Permit {

    /** How long the caller queued for this permit. */
    Duration waited();

    /** Ends the call's turn: from now it stays counted for one more second. Releasing twice has no effect. */
    void release();
}
