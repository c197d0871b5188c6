package io.bitgetmargin.agent;

import jakarta.inject.Singleton;

import io.bitgetmargin.security.Caller;
import io.bitgetmargin.security.Scope;
import io.quarkiverse.mcp.server.FilterContext;
import io.quarkiverse.mcp.server.McpMethod;
import io.quarkiverse.mcp.server.ToolFilter;
import io.quarkiverse.mcp.server.ToolManager.ToolInfo;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Shows each caller, in {@code tools/list}, only the tools its scopes allow ({@link AgentTool#LISTED_WITH}). A call
 * of a tool not shown is not hidden from here: it reaches the operation, whose access check refuses it with the
 * problem that says which scope is missing and writes the {@code denied} audit line, as for REST.
 */
@Singleton
class ScopedToolList implements ToolFilter {

    private final SecurityIdentity identity;

    ScopedToolList(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public boolean test(ToolInfo tool, FilterContext context) {
        if (context.method() != McpMethod.TOOLS_LIST) {
            return true;
        }
        Scope needed = AgentTool.LISTED_WITH.get(tool.name());
        return needed != null && !identity.isAnonymous() && Caller.of(identity).has(needed);
    }
}
