package io.bitgetmargin.bitget;

import io.smallrye.mutiny.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Whom the calls to Bitget of a piece of work are made for: the caller's name, by which the rate limiter takes turns
 * round between the callers of an account, and the most changes a second it may make, below Bitget's own limit (null:
 * no quota of its own). It travels down with the request in Mutiny's subscription {@link Context}, as {@link Hangup}
 * does, set by the facade around the work it asks of the domain services ({@link #around}).
 */
public record OnBehalfOf(String caller, Integer changesPerSecond) {

    private static final String CONTEXT_KEY = OnBehalfOf.class.getName();

    /** {@code work}, whose calls to Bitget are made for this caller. */
    public <T> Uni<T> around(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context inner = SubscriptionContexts.with(emitter.context(), CONTEXT_KEY, this);
            Cancellable upstream = work.subscribe().with(inner, emitter::complete, emitter::fail);
            emitter.onTermination(upstream::cancel);
        });
    }

    /** For whom a subscription of {@code context} works; null when nobody said. */
    static OnBehalfOf in(Context context) {
        return context.getOrElse(CONTEXT_KEY, () -> null);
    }
}
