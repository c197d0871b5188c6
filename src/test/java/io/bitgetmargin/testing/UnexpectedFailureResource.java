package io.bitgetmargin.testing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/**
 * A facade endpoint that fails the way a bug would, present in {@code @QuarkusTest} applications only (test classes
 * are not packaged): the way to see what the service does with an exception it does not expect.
 */
@Path("/test-only/unexpected-failure")
public class UnexpectedFailureResource {

    public static final String MESSAGE = "a bug planted by the test";

    @GET
    @Operation(hidden = true)
    public Uni<String> fail() {
        return Uni.createFrom().failure(new IllegalStateException(MESSAGE));
    }
}
