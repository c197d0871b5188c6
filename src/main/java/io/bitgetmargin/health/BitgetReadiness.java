package io.bitgetmargin.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.bitgetmargin.bitget.BitgetAccountTypes;
import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.ratelimit.RateLimiter;
import io.bitgetmargin.security.JwtVerification;
import io.bitgetmargin.security.TokensConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Ready when this instance is configured to do its job: at least one Bitget account, and a way for callers in (facade
 * tokens, a JWT verification key, or authentication off on purpose). Never calls Bitget: a probe must not spend the
 * account's rate limit. It needs no token, so it shows counts, never the names of accounts.
 * <p>
 * Readiness is about this instance, not about Bitget: the circuit breaker's state and the rate limiter's store are
 * reported in the data but decide nothing, like what each account was configured as or learnt to be. Every replica shares the same Bitget, so a readiness that followed the
 * breaker would take them all out of routing at once; callers would get the platform's bare 503 instead of this
 * service's problem+json with {@code Retry-After}, and recovery would wait for traffic that no longer arrives. An
 * instance limiting in-process because Redis is gone still protects its accounts, too.
 */
@Readiness
@ApplicationScoped
public class BitgetReadiness implements HealthCheck {

    private final BitgetAccounts accounts;
    private final BitgetAccountTypes accountTypes;
    private final BitgetClient bitget;
    private final TokensConfig tokens;
    private final RateLimiter limiter;
    private final JwtVerification jwt;

    BitgetReadiness(BitgetAccounts accounts, BitgetAccountTypes accountTypes, BitgetClient bitget, TokensConfig tokens,
            RateLimiter limiter, JwtVerification jwt) {
        this.accounts = accounts;
        this.accountTypes = accountTypes;
        this.bitget = bitget;
        this.tokens = tokens;
        this.limiter = limiter;
        this.jwt = jwt;
    }

    @Override
    public HealthCheckResponse call() {
        boolean hasAccount = !accounts.names().isEmpty();
        boolean hasCallers = tokens.admitsCallers(jwt.configured());
        CircuitBreakerState breaker = bitget.circuitBreakerState();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("bitget")
                .status(hasAccount && hasCallers)
                .withData("accounts", accounts.names().size())
                .withData("accountTypes", accountTypes.describe())
                .withData("credentials", hasAccount ? "configured" : "missing: set BITGET_API_KEY, BITGET_SECRET_KEY, BITGET_PASSPHRASE")
                .withData("facadeTokens", tokens.hasTokens() ? "configured" : tokens.auth().enabled() ? "none" : "authentication off")
                .withData("jwt", jwt.configured() ? "configured" : "off")
                .withData("callers", hasCallers ? "configured" : "missing: set BITGET_MARGIN_API_TOKENS or MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                .withData("circuitBreaker", breaker.name())
                .withData("rateLimitStore", limiter.status().describe())
                .withData("rateLimitShare", limiter.status().share());
        return response.build();
    }
}
