package io.bitgetmargin.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether callers may present JWTs: only when the standard MicroProfile JWT verification key is configured
 * ({@code mp.jwt.verify.publickey.location}, a PEM file or a JWKS file or URL, or {@code mp.jwt.verify.publickey}).
 * Without one, a bearer that is not a static token is refused before SmallRye JWT sees it.
 */
@ApplicationScoped
public class JwtVerification {

    private final boolean configured;

    JwtVerification(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key) {
        this.configured = isSet(keyLocation) || isSet(key);
    }

    /** {@code NONE} is SmallRye JWT's own "not set", which Quarkus writes itself in dev and test mode. */
    static boolean isSet(Optional<String> value) {
        return value.filter(text -> !text.isBlank() && !text.equals("NONE")).isPresent();
    }

    public boolean configured() {
        return configured;
    }
}
