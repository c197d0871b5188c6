package io.bitgetmargin.audit;

/**
 * What every audit line says of the request it was written for: its id, its trace (null while tracing is off), who
 * called (null when nobody was authenticated), for which Bitget account, by which door ({@code via}: {@value #VIA_REST}
 * or {@value #VIA_MCP}) and, for an agent, its MCP client's name and version ({@code client}; null for REST). Taken once, when the request is
 * authorised, and carried with the request's work: an audit line written after the request waited for a turn or for
 * Bitget's answer says this request's facts, never those of whichever request happened to run last on that thread.
 */
public record RequestFacts(String requestId, String traceId, String caller, String account, String via, String client) {

    /** The door a request came in by: the REST facade. */
    public static final String VIA_REST = "rest";
    /** The door a request came in by: the agents' MCP endpoint. */
    public static final String VIA_MCP = "mcp";
}
