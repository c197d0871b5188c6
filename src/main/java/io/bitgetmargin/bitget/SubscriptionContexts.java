package io.bitgetmargin.bitget;

import io.smallrye.mutiny.Context;

/** What travels down with a request in Mutiny's subscription context ({@link Hangup}, {@link OnBehalfOf}). */
final class SubscriptionContexts {

    private SubscriptionContexts() {
    }

    /**
     * A new context holding everything {@code outer} holds, and {@code value} under {@code key}: the work it is given to
     * keeps what the request's subscription carries, whichever of them set it.
     */
    static Context with(Context outer, String key, Object value) {
        Context inner = Context.empty();
        outer.keys().forEach(name -> inner.put(name, outer.get(name)));
        inner.put(key, value);
        return inner;
    }
}
