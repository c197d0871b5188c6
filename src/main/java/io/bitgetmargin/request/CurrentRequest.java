package io.bitgetmargin.request;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * The id of the request being served, read from the request itself: Quarkus REST carries its CDI request context,
 * which holds the request's {@code RoutingContext}, to every step of the request, on whichever thread that step runs.
 */
@ApplicationScoped
public class CurrentRequest {

    private final CurrentVertxRequest request;

    CurrentRequest(CurrentVertxRequest request) {
        this.request = request;
    }

    /** The request's id ({@link RequestIds}); call it only while serving a request. */
    public String id() {
        return RequestIds.of(request.getCurrent());
    }
}
