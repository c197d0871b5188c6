package io.bitgetmargin.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Before every {@code @QuarkusTest} method, closes every circuit breaker of the application under test, so that
 * no test inherits the failures another test provoked on purpose and the breaker runs with its production window.
 * (Registered in {@code META-INF/services}; Quarkus does not run it for {@code @QuarkusIntegrationTest}, whose
 * application is another process.)
 */
public class ResetCircuitBreakers implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        CircuitBreakerMaintenance.get().resetAll();
    }
}
