package io.bitgetmargin.agent;

import java.util.Map;

import io.bitgetmargin.security.Scope;

/**
 * The agents' tools by name, and the scope a caller needs to see each in {@code tools/list}: the reads with
 * margin:read, the changes with margin:write. A change's dry run needs margin:read only when it is called, but a
 * read-only agent is not shown the tools that change things.
 */
final class AgentTool {

    static final String GET_MARGIN_MODE = "get_margin_mode";
    static final String ENSURE_MARGIN_MODE = "ensure_margin_mode";
    static final String ENSURE_MARGIN_MODES = "ensure_margin_modes";
    static final String APPLY_SYMBOL_SETUP = "apply_symbol_setup";
    static final String LIST_ACCOUNTS = "list_accounts";

    static final Map<String, Scope> LISTED_WITH = Map.of(GET_MARGIN_MODE, Scope.READ, LIST_ACCOUNTS, Scope.READ,
            ENSURE_MARGIN_MODE, Scope.WRITE, ENSURE_MARGIN_MODES, Scope.WRITE, APPLY_SYMBOL_SETUP, Scope.WRITE);

    private AgentTool() {
    }
}
