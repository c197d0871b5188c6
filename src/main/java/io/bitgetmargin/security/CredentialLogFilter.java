package io.bitgetmargin.security;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps JWT verification's own detail out of every log handler it is set on ({@code quarkus.log.*.filter}):
 * SmallRye JWT and jose4j log a refused token's content, the compact token itself included, below INFO. Whatever
 * level an operator turns on, those lines are dropped; their INFO and above (configuration problems) stay.
 */
@LoggingFilter(name = CredentialLogFilter.NAME)
public final class CredentialLogFilter implements Filter {

    public static final String NAME = "bitget-margin-credentials";

    private static final List<String> TOKEN_PARSERS = List.of("io.quarkus.smallrye.jwt", "io.smallrye.jwt", "org.jose4j");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() >= Level.INFO.intValue()) {
            return true;
        }
        String logger = record.getLoggerName();
        return logger == null || TOKEN_PARSERS.stream().noneMatch(logger::startsWith);
    }
}
