package io.bitgetmargin.ratelimit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code caller} tag of the limiter's per-party meters: the party's own name for the first {@value #MOST} parties
 * seen, {@value #OTHER} for any later one, so that a service with many JWT subjects cannot grow its metrics without
 * bound. The names are the edge's (a token's label, a JWT's subject), never a token.
 */
final class PartyTags {

    static final int MOST = 100;
    static final String OTHER = "other";
    static final String NOBODY = "none";

    private static final Set<String> NAMED = ConcurrentHashMap.newKeySet();

    private PartyTags() {
    }

    static String of(String party) {
        if (party == null || party.isEmpty()) {
            return NOBODY;
        }
        if (NAMED.contains(party) || NAMED.size() < MOST && NAMED.add(party)) {
            return party;
        }
        return OTHER;
    }
}
