package io.bitgetmargin.agent;

import java.math.BigDecimal;
import java.util.List;

import io.bitgetmargin.margin.BatchInput;
import io.bitgetmargin.margin.MarginModeInput;
import io.bitgetmargin.margin.MarginModeResult;
import io.bitgetmargin.margin.MarginModeState;
import io.bitgetmargin.operation.AccountOperations;
import io.bitgetmargin.operation.BatchResponse;
import io.bitgetmargin.operation.MarginModeOperations;
import io.bitgetmargin.operation.SymbolSetupOperations;
import io.bitgetmargin.setup.SymbolSetupInput;
import io.bitgetmargin.setup.SymbolSetupResult;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;

/**
 * The agents' tools: the facade's operations through the Model Context Protocol, each a thin layer over the same
 * operation ({@code io.bitgetmargin.operation}), so that an agent's call is checked, limited, retried and audited as a
 * REST call is. The hints are set on purpose, as the issue that asked for these tools has them (the spec's defaults
 * would call every tool destructive): a change ensures a state (sending it twice does no more than once), opens,
 * closes or cancels nothing, and can be undone by asking for the setting it replaced; it acts on Bitget, outside this
 * service. Changes read back what they did ({@code verify}), so that an agent is never told of a change Bitget does
 * not show.
 */
public class MarginTools {

    static final String ACCOUNT = "The Bitget account to act on, as list_accounts names it; leave it out for the "
            + "default account";
    static final String SYMBOL = "The futures symbol: BTCUSDT, btcusdt, BTC/USDT:USDT or BTCUSDT_UMCBL";
    static final String PRODUCT_TYPE = "One of Bitget's six product types (USDT-FUTURES, COIN-FUTURES, USDC-FUTURES "
            + "and their SUSDT-, SCOIN-, SUSDC- demo twins); inferred from the symbol when left out";
    static final String MARGIN_COIN = "The margin coin (USDT, USDC, BTC, ...); inferred from the product type when left out";
    static final String MARGIN_MODE = "crossed or isolated";

    private final MarginModeOperations marginModes;
    private final SymbolSetupOperations setups;
    private final AccountOperations accounts;
    private final ToolCalls calls;

    MarginTools(MarginModeOperations marginModes, SymbolSetupOperations setups, AccountOperations accounts,
            ToolCalls calls) {
        this.marginModes = marginModes;
        this.setups = setups;
        this.accounts = accounts;
        this.calls = calls;
    }

    @Tool(name = AgentTool.GET_MARGIN_MODE, title = "Read a symbol's margin mode", description = "Reads a futures "
            + "symbol's current margin mode (crossed or isolated) from Bitget, with its leverages, position mode and "
            + "asset mode, and the account's type (classic or unified). Sends nothing that changes anything. Needs the "
            + "margin:read scope.", annotations = @Tool.Annotations(title = "Read a symbol's margin mode",
                    readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = true),
            structuredContent = true, outputSchema = @Tool.OutputSchema(from = MarginModeState.class,
                    generator = ResultOrProblemSchema.class))
    Uni<ToolResponse> getMarginMode(@ToolArg(description = SYMBOL) String symbol,
            @ToolArg(description = PRODUCT_TYPE, required = false) String productType,
            @ToolArg(description = MARGIN_COIN, required = false) String marginCoin,
            @ToolArg(description = ACCOUNT, required = false) String account, McpConnection connection) {
        return calls.call(AgentTool.GET_MARGIN_MODE, connection,
                channel -> marginModes.read(channel, account, symbol, productType, marginCoin));
    }

    @Tool(name = AgentTool.ENSURE_MARGIN_MODE, title = "Ensure a symbol's margin mode", description = "Makes a futures "
            + "symbol have the margin mode asked for. Reads it first: when it already has it, answers UNCHANGED and "
            + "sends no change (safe to call again, and it succeeds even with open positions); otherwise changes it and "
            + "answers CHANGED. With dryRun it only reads, and answers WOULD_CHANGE or UNCHANGED. Bitget refuses a change "
            + "while the symbol has open positions or orders (POSITION_OR_ORDER_OPEN): close the positions and cancel "
            + "the orders first. Needs margin:write (margin:read for a dry run).",
            annotations = @Tool.Annotations(title = "Ensure a symbol's margin mode", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = true, openWorldHint = true),
            structuredContent = true, outputSchema = @Tool.OutputSchema(from = MarginModeResult.class,
                    generator = ResultOrProblemSchema.class))
    Uni<ToolResponse> ensureMarginMode(@ToolArg(description = SYMBOL) String symbol,
            @ToolArg(description = MARGIN_MODE) String marginMode,
            @ToolArg(description = PRODUCT_TYPE, required = false) String productType,
            @ToolArg(description = MARGIN_COIN, required = false) String marginCoin,
            @ToolArg(description = "Only read, and answer WOULD_CHANGE or UNCHANGED; nothing is sent",
                    required = false, defaultValue = "false") boolean dryRun,
            @ToolArg(description = ACCOUNT, required = false) String account, McpConnection connection) {
        MarginModeInput input = new MarginModeInput(symbol, productType, marginCoin, marginMode);
        return calls.call(AgentTool.ENSURE_MARGIN_MODE, connection,
                channel -> marginModes.ensure(channel, account, input, true, dryRun));
    }

    @Tool(name = AgentTool.ENSURE_MARGIN_MODES, title = "Ensure a margin mode for many symbols", description = "Makes "
            + "each listed symbol of one product type have the margin mode asked for, one result per distinct symbol: "
            + "CHANGED, UNCHANGED, WOULD_CHANGE (dryRun), BLOCKED (open positions or orders, with what to do) or FAILED "
            + "(with the problem). One symbol's failure never stops the others; the calls queue at the account's rate "
            + "limit. Needs margin:write (margin:read for a dry run).",
            annotations = @Tool.Annotations(title = "Ensure a margin mode for many symbols", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = true, openWorldHint = true),
            structuredContent = true, outputSchema = @Tool.OutputSchema(from = BatchResponse.class,
                    generator = ResultOrProblemSchema.class))
    Uni<ToolResponse> ensureMarginModes(@ToolArg(description = "The symbols, all of the one product type") List<String> symbols,
            @ToolArg(description = MARGIN_MODE) String marginMode,
            @ToolArg(description = "One of Bitget's six product types, e.g. USDT-FUTURES") String productType,
            @ToolArg(description = MARGIN_COIN, required = false) String marginCoin,
            @ToolArg(description = "Only read, and answer WOULD_CHANGE or UNCHANGED per symbol; nothing is sent",
                    required = false, defaultValue = "false") boolean dryRun,
            @ToolArg(description = ACCOUNT, required = false) String account, McpConnection connection) {
        return calls.call(AgentTool.ENSURE_MARGIN_MODES, connection, channel -> marginModes.ensureAll(channel,
                account, new BatchInput(productType, marginCoin, marginMode, symbols, dryRun)));
    }

    @Tool(name = AgentTool.APPLY_SYMBOL_SETUP, title = "Set up a symbol: margin mode, leverage, position mode",
            description = "Makes a futures symbol have the margin mode, leverage and position mode asked for (each "
                    + "optional), sending only what differs, in Bitget's order, and reading back: the answer lists "
                    + "each step and the settings before and after. A leverage outside the contract's range is refused "
                    + "before anything is sent. The position mode is a whole product type's (classic account) or the "
                    + "whole account's (unified). With dryRun it only reads and answers the plan (WOULD_CHANGE or "
                    + "UNCHANGED). Needs margin:write (margin:read for a dry run).",
            annotations = @Tool.Annotations(title = "Set up a symbol", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true),
            structuredContent = true, outputSchema = @Tool.OutputSchema(from = SymbolSetupResult.class,
                    generator = ResultOrProblemSchema.class))
    Uni<ToolResponse> applySymbolSetup(@ToolArg(description = SYMBOL) String symbol,
            @ToolArg(description = MARGIN_MODE, required = false) String marginMode,
            @ToolArg(description = "The leverage (both sides; on a classic account in isolated hedge mode, use "
                    + "longLeverage and shortLeverage to set them apart)", required = false) BigDecimal leverage,
            @ToolArg(description = "The long side's leverage (isolated, hedge mode)", required = false) BigDecimal longLeverage,
            @ToolArg(description = "The short side's leverage (isolated, hedge mode)", required = false) BigDecimal shortLeverage,
            @ToolArg(description = "one_way_mode or hedge_mode", required = false) String posMode,
            @ToolArg(description = PRODUCT_TYPE, required = false) String productType,
            @ToolArg(description = MARGIN_COIN, required = false) String marginCoin,
            @ToolArg(description = "Only read and plan: answers WOULD_CHANGE or UNCHANGED and sends nothing",
                    required = false, defaultValue = "false") boolean dryRun,
            @ToolArg(description = ACCOUNT, required = false) String account, McpConnection connection) {
        SymbolSetupInput input = new SymbolSetupInput(symbol, productType, marginCoin, marginMode, leverage, longLeverage,
                shortLeverage, posMode);
        return calls.call(AgentTool.APPLY_SYMBOL_SETUP, connection,
                channel -> setups.setUp(channel, account, input, dryRun));
    }

    @Tool(name = AgentTool.LIST_ACCOUNTS, title = "List the Bitget accounts I may use", description = "Lists the "
            + "Bitget accounts this caller may act on, by the name the other tools take as account, with each one's "
            + "type (classic or unified; null until an auto account is first used) and whether it trades on Bitget's "
            + "demo environment. Sends nothing to Bitget. Needs margin:read.",
            annotations = @Tool.Annotations(title = "List my Bitget accounts", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            structuredContent = true, outputSchema = @Tool.OutputSchema(from = AccountList.class,
                    generator = ResultOrProblemSchema.class))
    Uni<ToolResponse> listAccounts(McpConnection connection) {
        return calls.call(AgentTool.LIST_ACCOUNTS, connection,
                channel -> accounts.list(channel).map(AccountList::new));
    }
}
