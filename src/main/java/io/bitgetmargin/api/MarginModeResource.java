package io.bitgetmargin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.bitgetmargin.bitget.Hangup;
import io.bitgetmargin.margin.BatchInput;
import io.bitgetmargin.margin.InvalidRequestException;
import io.bitgetmargin.margin.MarginModeInput;
import io.bitgetmargin.margin.MarginModeResult;
import io.bitgetmargin.margin.MarginModeState;
import io.bitgetmargin.operation.BatchResponse;
import io.bitgetmargin.operation.Channel;
import io.bitgetmargin.operation.MarginModeOperations;
import io.bitgetmargin.request.CurrentRequest;
import io.bitgetmargin.security.Scope;
import io.smallrye.mutiny.Uni;

/**
 * The margin-mode facade: read, ensure, and ensure for many symbols at once. A change runs to its end even when its
 * caller hangs up ({@link Hangup}): nothing more is sent for it, and what was sent is read back and audited.
 */
@Path("/v1/margin-mode")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Margin mode", description = "Read and change the margin mode of Bitget futures symbols")
@SecurityScheme(securitySchemeName = OpenApiExamples.STATIC_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A static token from bitget-margin.api-tokens (every account, both scopes) or "
                + "bitget-margin.tokens.<label>.token (its accounts and scopes)")
@SecurityScheme(securitySchemeName = OpenApiExamples.JWT, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT from the caller's identity provider, verified with "
                + "mp.jwt.verify.publickey.location and mp.jwt.verify.issuer: its sub is the caller, its accounts claim "
                + "the accounts it may use (an array, or [\"*\"]), its scope claim margin:read and/or margin:write")
public class MarginModeResource {

    /** The header that names the Bitget account of a request; absent for the default account. */
    public static final String ACCOUNT_HEADER = "X-Bitget-Account";

    private final MarginModeOperations operations;
    private final CurrentRequest current;

    MarginModeResource(MarginModeOperations operations, CurrentRequest current) {
        this.operations = operations;
        this.current = current;
    }

    @GET
    @RolesAllowed(Scope.READ_ROLE)
    @SecurityRequirement(name = OpenApiExamples.STATIC_TOKEN, scopes = Scope.READ_ROLE)
    @SecurityRequirement(name = OpenApiExamples.JWT, scopes = Scope.READ_ROLE)
    @Operation(operationId = "getMarginMode", summary = "Read the current margin mode",
            description = "A classic account answers from Bitget's Get Single Account (margin mode, leverages, position "
                    + "mode, asset mode); a unified trading account from its settings (the symbol's entry, or crossed, "
                    + "Bitget's default, when the settings list none; marginModeSource says which), with its leverage "
                    + "and account level. accountType says which kind the account is. productType and marginCoin may "
                    + "be left out where the symbol decides them.")
    @APIResponse(responseCode = "200", description = "The current mode", content = @Content(
            schema = @Schema(implementation = MarginModeState.class),
            examples = { @ExampleObject(name = "classic account", value = OpenApiExamples.STATE),
                    @ExampleObject(name = "unified account", value = OpenApiExamples.UNIFIED_STATE) }))
    public Uni<MarginModeState> read(
            @Parameter(description = OpenApiExamples.ACCOUNT_HEADER) @HeaderParam(ACCOUNT_HEADER) String account,
            @Parameter(description = "BTCUSDT, btcusdt, BTC/USDT:USDT or BTCUSDT_UMCBL", example = "BTCUSDT")
            @QueryParam("symbol") String symbol,
            @Parameter(description = "One of the six Bitget product types; inferred from the symbol when left out",
                    example = "USDT-FUTURES") @QueryParam("productType") String productType,
            @Parameter(description = "Inferred from the product type when left out", example = "USDT")
            @QueryParam("marginCoin") String marginCoin) {
        return operations.read(Channel.rest(current), account, symbol, productType, marginCoin);
    }

    @PUT
    @RolesAllowed(Scope.WRITE_ROLE)
    @SecurityRequirement(name = OpenApiExamples.STATIC_TOKEN, scopes = Scope.WRITE_ROLE)
    @SecurityRequirement(name = OpenApiExamples.JWT, scopes = Scope.WRITE_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ensureMarginMode", summary = "Ensure a margin mode",
            description = "Reads the symbol first: when it already has the mode, answers UNCHANGED and sends no change "
                    + "(so it succeeds even with open positions); otherwise changes it and answers CHANGED. With "
                    + "verify=true the mode is read back after a change, and 502 NOT_APPLIED answers a change Bitget "
                    + "accepted but does not show. A unified trading account is changed through set-leverage with the "
                    + "symbol's current leverage and is always read back; 422 LEVERAGE_UNKNOWN when Bitget lists no "
                    + "leverage for the symbol (nothing is sent).")
    @RequestBody(content = @Content(schema = @Schema(implementation = MarginModeInput.class), examples = {
            @ExampleObject(name = "Bitget's field names", value = OpenApiExamples.CHANGE),
            @ExampleObject(name = "inferred productType and marginCoin", value = OpenApiExamples.CHANGE_INFERRED) }))
    @APIResponse(responseCode = "200", description = "The symbol has the mode", content = @Content(
            schema = @Schema(implementation = MarginModeResult.class), examples = {
                    @ExampleObject(name = "changed", value = OpenApiExamples.CHANGED),
                    @ExampleObject(name = "changed, unified account", value = OpenApiExamples.UNIFIED_CHANGED),
                    @ExampleObject(name = "unchanged", value = OpenApiExamples.UNCHANGED) }))
    public Uni<MarginModeResult> ensure(
            @Parameter(description = OpenApiExamples.ACCOUNT_HEADER) @HeaderParam(ACCOUNT_HEADER) String account,
            @Parameter(description = "Read the mode back after a change", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("verify") String verify,
            MarginModeInput input) {
        return operations.ensure(Channel.rest(current), account, input, flag("verify", verify));
    }

    @POST
    @Path("/batch")
    @RolesAllowed({ Scope.READ_ROLE, Scope.WRITE_ROLE })
    @SecurityRequirement(name = OpenApiExamples.STATIC_TOKEN, scopes = Scope.WRITE_ROLE)
    @SecurityRequirement(name = OpenApiExamples.JWT, scopes = Scope.WRITE_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ensureMarginModes", summary = "Ensure a margin mode for many symbols",
            description = "One result per distinct symbol: CHANGED, UNCHANGED, WOULD_CHANGE (dryRun), BLOCKED (open "
                    + "positions or orders, with the hint) or FAILED (with the problem). One failure never stops the "
                    + "others; the calls queue at the account's rate limiter, so Bitget never answers 429. A unified "
                    + "trading account's settings are read once for the batch and once after its changes. Needs "
                    + "margin:write; a dry run needs margin:read only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = BatchInput.class),
            examples = @ExampleObject(name = "three symbols", value = OpenApiExamples.BATCH)))
    @APIResponse(responseCode = "200", description = "A result per symbol", content = @Content(
            schema = @Schema(implementation = BatchResponse.class),
            examples = @ExampleObject(name = "mixed", value = OpenApiExamples.BATCH_RESULT)))
    public Uni<BatchResponse> ensureAll(
            @Parameter(description = OpenApiExamples.ACCOUNT_HEADER) @HeaderParam(ACCOUNT_HEADER) String account,
            BatchInput input) {
        return operations.ensureAll(Channel.rest(current), account, input);
    }

    /** A boolean query parameter: absent, true or false, anything else a 400 naming it. */
    static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidRequestException(name, "must be true or false");
    }
}
