package io.bitgetmargin.ratelimit;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The waiters a line took off under its monitor (filled under it), answered only once the monitor is released: completing a waiter
 * runs the admitted caller's whole downstream chain (the REST call, signing, error mapping), which must never run
 * while other callers of the line are locked out.
 */
final class Answers {

    private record Answer(Waiter waiter, Permit permit, Throwable refusal) {
    }

    private final List<Answer> answers = new ArrayList<>(1);

    void admit(Waiter waiter, Permit permit) {
        waiter.taken = true;
        answers.add(new Answer(waiter, permit, null));
    }

    void refuse(Waiter waiter, Throwable refusal) {
        waiter.taken = true;
        answers.add(new Answer(waiter, null, refusal));
    }

    /**
     * Cancels the waiters' deadlines, records their waits and answers them, in the order they were taken. A permit goes
     * to its waiter's turn first, which releases it at once if the caller has gone meanwhile.
     */
    void send(MeterRegistry meters, String tag, RateLimitStore store) {
        for (Answer answer : answers) {
            if (answer.waiter().deadline != null) {
                answer.waiter().deadline.cancel(false);
            }
            String caller = PartyTags.of(answer.waiter().party);
            meters.counter("bitget.margin.limiter.turns", "endpoint", tag, "caller", caller,
                    "outcome", answer.permit() != null ? "granted" : "refused").increment();
            if (answer.permit() != null) {
                meters.timer("bitget.margin.limiter.wait", "endpoint", tag, "store", store.tag())
                        .record(answer.permit().waited());
                if (answer.waiter().turn.hold(answer.permit())) {
                    answer.waiter().emitter.complete(answer.permit());
                }
            } else {
                if (answer.refusal() instanceof RateLimitExceededException) {
                    meters.counter("bitget.margin.limiter.rejections", "endpoint", tag, "store", store.tag()).increment();
                }
                answer.waiter().emitter.fail(answer.refusal());
            }
        }
    }
}
