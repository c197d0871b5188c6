package io.bitgetmargin.bitget;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * The Bitget endpoints this service calls, as they are on the wire: the classic (v2) futures endpoints and their
 * unified-account (v3) counterparts. Bodies come back as raw strings because
 * Bitget's envelope is parsed by {@link BitgetJson} (tolerant of its type changes) and because an error body may
 * be HTML. {@link BitgetClient} is the only user.
 */
@RegisterRestClient(configKey = "bitget")
@RegisterProvider(BitgetSigningFilter.class)
@RegisterProvider(UntracedConnections.class)
@Path("/api")
interface BitgetRestClient {

    @POST
    @Path("/v2/mix/account/set-margin-mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> setMarginMode(@HeaderParam(BitgetSigningFilter.ACCOUNT_HEADER) String account,
            SetMarginModeRequest request);

    @GET
    @Path("/v2/mix/account/account")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> account(@HeaderParam(BitgetSigningFilter.ACCOUNT_HEADER) String account,
            @QueryParam("symbol") String symbol,
            @QueryParam("productType") String productType,
            @QueryParam("marginCoin") String marginCoin);

    @POST
    @Path("/v2/mix/account/set-leverage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> setFuturesLeverage(@HeaderParam(BitgetSigningFilter.ACCOUNT_HEADER) String account,
            SetFuturesLeverageRequest request);

    @POST
    @Path("/v2/mix/account/set-position-mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> setPositionMode(@HeaderParam(BitgetSigningFilter.ACCOUNT_HEADER) String account,
            SetPositionModeRequest request);

    /** Public and unsigned: every contract of a product type. */
    @GET
    @Path("/v2/mix/market/contracts")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> contracts(@QueryParam("productType") String productType);

    /** A unified account's margin mode goes with set-leverage: unified accounts have no set-margin-mode. */
    @POST
    @Path("/v3/account/set-leverage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> setLeverage(@HeaderParam(BitgetSigningFilter.ACCOUNT_HEADER) String account, SetLeverageRequest request);

    @POST
    @Path("/v3/account/set-hold-mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> setHoldMode(@HeaderParam(BitgetSigningFilter.ACCOUNT_HEADER) String account, SetHoldModeRequest request);

    @GET
    @Path("/v3/account/settings")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> accountSettings(@HeaderParam(BitgetSigningFilter.ACCOUNT_HEADER) String account);

    /** Public and unsigned. */
    @GET
    @Path("/v2/public/time")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> serverTime();

    /** Keeps the status, the {@code Retry-After} header and the body of every HTTP error for {@link BitgetClient}. */
    @ClientExceptionMapper
    static BitgetHttpError toHttpError(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            body = "";
        }
        return new BitgetHttpError(response.getStatus(), response.getHeaderString("Retry-After"), body);
    }
}
