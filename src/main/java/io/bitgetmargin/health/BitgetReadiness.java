package io.bitgetmargin.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.bitgetmargin.api.FacadeConfig;
import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.ratelimit.AccountRateLimiter;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Ready when the service can do its job: at least one Bitget account is configured, the facade has tokens (or
 * authentication is off on purpose), and the circuit breaker in front of Bitget is not open. Never calls Bitget:
 * a probe must not spend the account's rate limit.
 * <p>
 * The rate limiter's store is reported but does not decide readiness: without Redis, an instance limits in-process
 * and still answers, which beats taking every instance out of service at once.
 */
@Readiness
@ApplicationScoped
public class BitgetReadiness implements HealthCheck {

    private final BitgetAccounts accounts;
    private final BitgetClient bitget;
    private final FacadeConfig facade;
    private final AccountRateLimiter limiter;

    BitgetReadiness(BitgetAccounts accounts, BitgetClient bitget, FacadeConfig facade, AccountRateLimiter limiter) {
        this.accounts = accounts;
        this.bitget = bitget;
        this.facade = facade;
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        boolean hasAccount = !accounts.names().isEmpty();
        boolean hasTokens = !facade.auth().enabled() || facade.hasTokens();
        CircuitBreakerState breaker = bitget.circuitBreakerState();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("bitget")
                .status(hasAccount && hasTokens && breaker != CircuitBreakerState.OPEN)
                .withData("accounts", String.join(",", accounts.names()))
                .withData("credentials", hasAccount ? "configured" : "missing: set BITGET_API_KEY, BITGET_SECRET_KEY, BITGET_PASSPHRASE")
                .withData("facadeTokens", hasTokens ? "configured" : "missing: set BITGET_MARGIN_API_TOKENS")
                .withData("circuitBreaker", breaker.name())
                .withData("rateLimitStore", limiter.status().describe());
        return response.build();
    }
}
