package io.bitgetmargin.bitget;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.bitgetmargin.request.OwnContext;
import io.smallrye.mutiny.Context;
import io.smallrye.mutiny.Uni;

/**
 * A facade request whose caller may hang up before its answer, and what the request has sent Bitget so far.
 * <p>
 * A change must not be left half-known because nobody waits for it any more, and nothing must be sent for a caller
 * who is gone. So a request that changes something runs {@linkplain #outliving outliving its caller}: the caller's
 * cancellation does not cancel the work, it signals the hang-up, and {@link BitgetClient} then sends nothing more for
 * it (no first attempt that has not started, no retry, no queued call), except reads once the request has sent a
 * change: they tell what that change did, so that its outcome is known and audited even with no one to receive it.
 * <p>
 * The hang-up travels down with the request in Mutiny's subscription {@link Context}, not through every method of the
 * domain services.
 */
public final class Hangup {

    private static final String CONTEXT_KEY = Hangup.class.getName();

    private final CompletableFuture<Void> hungUp = new CompletableFuture<>();
    private volatile boolean changeSent;

    private Hangup() {
    }

    /**
     * Runs {@code operation} to its end whatever its subscriber does: the subscriber's cancellation (the caller hung
     * up) is signalled to the operation as a {@link Hangup} instead of cancelling it.
     */
    public static <T> Uni<T> outliving(Supplier<Uni<T>> operation) {
        return Uni.createFrom().context(outer -> {
            Hangup hangup = new Hangup();
            CompletableFuture<T> outcome = new CompletableFuture<>();
            // The work keeps what the request's subscription carries (for whom it works: OnBehalfOf), and the hang-up.
            operation.get().subscribe().with(SubscriptionContexts.with(outer, CONTEXT_KEY, hangup), outcome::complete,
                    outcome::completeExceptionally);
            return OwnContext.resume(Uni.createFrom().completionStage(outcome)).onCancellation().invoke(hangup::signal);
        });
    }

    /** The hang-up of the request a subscription works for; null outside a request that outlives its caller. */
    static Hangup of(Context context) {
        return context.getOrElse(CONTEXT_KEY, () -> null);
    }

    /** The caller has gone; what is under way may finish. */
    void signal() {
        hungUp.complete(null);
    }

    boolean happened() {
        return hungUp.isDone();
    }

    /** Completes when the caller hangs up; cancelling it changes nothing. */
    Uni<Void> whenHungUp() {
        return Uni.createFrom().completionStage(hungUp::copy);
    }

    /** A change of this request has been handed to the HTTP client: it may have reached Bitget. */
    void changeSent() {
        changeSent = true;
    }

    /**
     * Whether a call of {@code endpoint} may still start (a first attempt or a retry): always while the caller waits;
     * after the hang-up, only a read, and only once a change was sent.
     */
    boolean allows(BitgetEndpoint endpoint) {
        return !happened() || !endpoint.isWrite() && changeSent;
    }
}
