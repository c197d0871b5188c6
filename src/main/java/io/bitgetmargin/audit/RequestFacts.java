package io.bitgetmargin.audit;

/**
 * What every audit line says of the request it was written for: its id, its trace (null while tracing is off), who
 * called (null when nobody was authenticated) and for which Bitget account. Taken once, when the request is
 * authorised, and carried with the request's work: an audit line written after the request waited for a turn or for
 * Bitget's answer says this request's facts, never those of whichever request happened to run last on that thread.
 */
public record RequestFacts(String requestId, String traceId, String caller, String account) {
}
