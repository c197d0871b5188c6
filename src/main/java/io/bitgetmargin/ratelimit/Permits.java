package io.bitgetmargin.ratelimit;

import java.time.Duration;

/** Permits made of others. */
final class Permits {

    /** A permit that counts nowhere: what a store that has become unreachable contributes. */
    static final Permit NONE = new Permit() {
        @Override
        public Duration waited() {
            return Duration.ZERO;
        }

        @Override
        public void release() {
        }
    };

    private Permits() {
    }

    /** One permit standing for two taken one after the other: released together, its wait the sum of theirs. */
    static Permit both(Permit first, Permit second) {
        return new OncePermit(first.waited().plus(second.waited()), () -> {
            first.release();
            second.release();
        });
    }
}
