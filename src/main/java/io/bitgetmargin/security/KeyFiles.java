package io.bitgetmargin.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Refuses to start when a key the service reads from a file cannot be read: a Kubernetes secret mounted with a mode
 * the service's user cannot read, a typo in the path, a directory where a file was meant. Without this the service
 * starts, reports ready, and fails every call that needs the key. The refusal names the property and the reason, and
 * nothing of the key. A key set at an {@code http(s)} URL is fetched when a call needs it; that it cannot be reached
 * then is a 503 of its own ({@code JWT_KEYS_UNAVAILABLE}), since the identity provider may be back by the next call.
 */
public class KeyFiles {

    /** The standard and SmallRye names of the JWT keys read from a location. */
    static final List<String> LOCATIONS = List.of("mp.jwt.verify.publickey.location", "smallrye.jwt.verify.key.location",
            "mp.jwt.decrypt.key.location", "smallrye.jwt.decrypt.key.location");

    void onStart(@Observes StartupEvent start, Config config) {
        for (String property : LOCATIONS) {
            Optional<String> location = config.getOptionalValue(property, String.class);
            if (JwtVerification.isSet(location)) {
                String problem = problemOf(location.get().strip());
                if (problem != null) {
                    throw new ConfigurationException("bitget-margin refuses to start: " + property + " " + problem);
                }
            }
        }
    }

    /**
     * What is wrong with a key location, or null when its key can be read (or is fetched per call, from a URL). A
     * {@code classpath:} location must name a resource; a {@code file:} URI or a path must name a readable, non-empty
     * file; a plain name that is no file may be a resource, as SmallRye JWT also looks for it there.
     */
    static String problemOf(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return null;
        }
        if (lower.startsWith("classpath:")) {
            return resourceExists(location.substring("classpath:".length())) ? null
                    : "names the class-path resource " + location + ", which does not exist";
        }
        Path file;
        try {
            file = lower.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        } catch (IllegalArgumentException e) {
            return "is neither a file path nor a file:, classpath: or http(s): URL: " + location;
        }
        if (!Files.exists(file)) {
            return !lower.startsWith("file:") && resourceExists(location) ? null
                    : "names " + file + ", which does not exist (or a folder on its way cannot be searched)";
        }
        if (Files.isDirectory(file)) {
            return "names " + file + ", which is a directory, not a key file";
        }
        try (InputStream key = Files.newInputStream(file)) {
            return key.read() < 0 ? "names " + file + ", which is empty" : null;
        } catch (IOException e) {
            // The exception's own message is the path and the system's reason ("Permission denied"): no key content.
            return "names " + file + ", which this process (user " + System.getProperty("user.name") + ") cannot read: "
                    + (e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName());
        }
    }

    private static boolean resourceExists(String name) {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        return Thread.currentThread().getContextClassLoader().getResource(resource) != null;
    }
}
