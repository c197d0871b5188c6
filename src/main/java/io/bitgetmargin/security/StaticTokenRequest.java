package io.bitgetmargin.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token presented to the facade, to be checked against the static tokens. */
final class StaticTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    StaticTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    /** Never the token: this object may end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "StaticTokenRequest[token hidden]";
    }
}
