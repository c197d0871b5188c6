package io.bitgetmargin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.bitgetmargin.operation.Channel;
import io.bitgetmargin.operation.Problem;
import io.bitgetmargin.operation.SymbolSetupBatchResponse;
import io.bitgetmargin.operation.SymbolSetupOperations;
import io.bitgetmargin.request.CurrentRequest;
import io.bitgetmargin.security.Scope;
import io.bitgetmargin.setup.SymbolSetupBatchInput;
import io.bitgetmargin.setup.SymbolSetupInput;
import io.bitgetmargin.setup.SymbolSetupResult;
import io.smallrye.mutiny.Uni;

/** The symbol-setup facade: margin mode, leverage and position mode in one declarative call, for one symbol or many. */
@Path("/v1/symbol-setup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Symbol setup", description = "Make symbols have a margin mode, a leverage and a position mode, and see "
        + "exactly what changed")
public class SymbolSetupResource {

    private final SymbolSetupOperations operations;
    private final CurrentRequest current;

    SymbolSetupResource(SymbolSetupOperations operations, CurrentRequest current) {
        this.operations = operations;
        this.current = current;
    }

    @PUT
    @RolesAllowed({ Scope.READ_ROLE, Scope.WRITE_ROLE })
    @SecurityRequirement(name = OpenApiExamples.STATIC_TOKEN, scopes = Scope.WRITE_ROLE)
    @SecurityRequirement(name = OpenApiExamples.JWT, scopes = Scope.WRITE_ROLE)
    @Operation(operationId = "applySymbolSetup", summary = "Set up a symbol: margin mode, leverage, position mode",
            description = "Checks the leverage against the contract's range in Bitget's contracts list (400 "
                    + "LEVERAGE_OUT_OF_RANGE, nothing sent), reads the symbol, sends only the settings that differ, in "
                    + "Bitget's order (position mode, margin mode, leverage), and reads back: before and after are what "
                    + "Bitget reported, and each setting asked for is a step. The position mode is a whole product "
                    + "type's on a classic account, the whole account's on a unified one. A refused step stops the later "
                    + "ones; the earlier stay applied, and the problem lists the steps. On a classic account leverage is "
                    + "the cross leverage, longLeverage/shortLeverage the isolated ones (apart only in hedge mode); a "
                    + "unified account has one leverage per symbol. Needs margin:write; dryRun=true needs margin:read "
                    + "and sends nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SymbolSetupInput.class), examples = {
            @ExampleObject(name = "isolated, 3x, one-way", value = OpenApiExamples.SETUP),
            @ExampleObject(name = "isolated hedge, a leverage per side", value = OpenApiExamples.SETUP_PER_SIDE) }))
    @APIResponse(responseCode = "200", description = "The symbol has every setting asked for", content = @Content(
            schema = @Schema(implementation = SymbolSetupResult.class), examples = {
                    @ExampleObject(name = "changed", value = OpenApiExamples.SETUP_CHANGED),
                    @ExampleObject(name = "dry run", value = OpenApiExamples.SETUP_WOULD_CHANGE) }))
    @APIResponse(responseCode = "409", description = "A step was refused for open positions or orders; the steps say "
            + "which were applied before", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "margin mode refused after the position mode", value =
                            OpenApiExamples.SETUP_PARTIAL)))
    public Uni<SymbolSetupResult> setUp(
            @Parameter(description = OpenApiExamples.ACCOUNT_HEADER) @HeaderParam(MarginModeResource.ACCOUNT_HEADER) String account,
            @Parameter(description = "Only read and plan: answers WOULD_CHANGE or UNCHANGED and sends nothing",
                    example = "false", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("dryRun") String dryRun,
            SymbolSetupInput input) {
        return operations.setUp(Channel.rest(current), account, input, MarginModeResource.flag("dryRun", dryRun));
    }

    @POST
    @Path("/batch")
    @RolesAllowed({ Scope.READ_ROLE, Scope.WRITE_ROLE })
    @SecurityRequirement(name = OpenApiExamples.STATIC_TOKEN, scopes = Scope.WRITE_ROLE)
    @SecurityRequirement(name = OpenApiExamples.JWT, scopes = Scope.WRITE_ROLE)
    @Operation(operationId = "applySymbolSetups", summary = "Set up many symbols the same way",
            description = "The position mode is written once per product type (classic) or for the account (unified), "
                    + "never per symbol; when Bitget refuses it, no symbol of that scope gets its other steps. The "
                    + "symbols then run side by side, each its steps in order, paced by each endpoint's rate limit so "
                    + "that Bitget never answers 429. One result per distinct symbol: CHANGED, UNCHANGED, WOULD_CHANGE "
                    + "(dry run), BLOCKED (open positions or orders) or FAILED, with its steps and, for the last two, "
                    + "the problem. Needs margin:write; a dry run (dryRun in the body or the query) margin:read.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SymbolSetupBatchInput.class),
            examples = @ExampleObject(name = "three symbols", value = OpenApiExamples.SETUP_BATCH)))
    @APIResponse(responseCode = "200", description = "A result per symbol", content = @Content(
            schema = @Schema(implementation = SymbolSetupBatchResponse.class),
            examples = @ExampleObject(name = "mixed", value = OpenApiExamples.SETUP_BATCH_RESULT)))
    public Uni<SymbolSetupBatchResponse> setUpAll(
            @Parameter(description = OpenApiExamples.ACCOUNT_HEADER) @HeaderParam(MarginModeResource.ACCOUNT_HEADER) String account,
            @Parameter(description = "Only read and plan, as dryRun in the body", example = "false",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("dryRun") String dryRun,
            SymbolSetupBatchInput input) {
        boolean planOnly = MarginModeResource.flag("dryRun", dryRun) || input != null && Boolean.TRUE.equals(input.dryRun());
        return operations.setUpAll(Channel.rest(current), account, input, planOnly);
    }
}
