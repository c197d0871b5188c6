package io.bitgetmargin.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.bitgetmargin.margin.MarginModeInput;
import io.bitgetmargin.margin.MarginModeResult;
import io.bitgetmargin.margin.MarginModeService;
import io.smallrye.mutiny.Uni;

/** The margin-mode facade. */
@Path("/v1/margin-mode")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MarginModeResource {

    private final MarginModeService service;

    MarginModeResource(MarginModeService service) {
        this.service = service;
    }

    /** Sets the margin mode of one symbol; runs on the event loop and never blocks it. */
    @PUT
    public Uni<MarginModeResult> setMarginMode(MarginModeInput input) {
        return service.setMarginMode(input);
    }
}
