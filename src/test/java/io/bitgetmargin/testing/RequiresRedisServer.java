package io.bitgetmargin.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks tests that start a real {@code redis-server} ({@link LoopbackRedis}). Where it is not installed they are
 * skipped with a message that says how to install it, except on CI ({@code CI=true}, or
 * {@code -Dredis.tests.required=true}), where a missing server is an error: CI must never pass without them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("redis")
@ExtendWith(RequiresRedisServer.Condition.class)
public @interface RequiresRedisServer {

    final class Condition implements ExecutionCondition {

        /** Build output shows skipped counts, not reasons: say it once where a newcomer will see it. */
        private static final java.util.concurrent.atomic.AtomicBoolean TOLD = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (LoopbackRedis.executable().isPresent()) {
                return ConditionEvaluationResult.enabled("redis-server is installed");
            }
            if (Boolean.getBoolean("redis.tests.required") || "true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(LoopbackRedis.INSTALL_HINT + "; on CI these tests must run");
            }
            if (TOLD.compareAndSet(false, true)) {
                System.err.println("SKIPPING the Redis tests: " + LoopbackRedis.INSTALL_HINT);
            }
            return ConditionEvaluationResult.disabled(LoopbackRedis.INSTALL_HINT);
        }
    }
}
