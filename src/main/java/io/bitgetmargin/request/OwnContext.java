package io.bitgetmargin.request;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings an outcome back to the Vert.x context of whoever waits for it.
 * <p>
 * Quarkus serves every request on a duplicated Vert.x context of its own, and keeps the request's log context
 * ({@code %X{requestId}}, the trace) there. Mutiny runs a continuation on the thread that produced the item: when one
 * caller's turn at the rate limiter is granted because another caller's call ended, when a shared clock measurement
 * or contracts fetch answers everyone who joined it, when Redis or a timer answers, the waiter's continuation would
 * run on the other caller's context, and write its log lines with the other caller's id. Each place where work
 * shared between requests (or done by a timer) hands an outcome to one of them goes through {@link #resume}.
 */
public final class OwnContext {

    private OwnContext() {
    }

    /**
     * {@code work}, whose item or failure is delivered on the Vert.x context that subscribed to it; unchanged when
     * the subscriber is on no Vert.x context (a start-up job, a plain thread), or when the outcome comes on that very
     * context (then at once, without a hop).
     */
    public static <T> Uni<T> resume(Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            Context own = Vertx.currentContext();
            if (own == null) {
                return work;
            }
            return work.emitOn(delivery -> {
                if (Vertx.currentContext() == own) {
                    delivery.run();
                } else {
                    own.runOnContext(ignored -> delivery.run());
                }
            });
        });
    }
}
