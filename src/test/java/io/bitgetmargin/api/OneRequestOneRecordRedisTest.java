package io.bitgetmargin.api;

import org.junit.jupiter.api.Tag;

import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackRedis;
import io.bitgetmargin.testing.RequiresRedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link OneRequestOneRecord} with the Redis store: every turn is granted by a Redis answer, which comes back on
 * the Redis connection's context, not on the waiting request's.
 */
@QuarkusTest
@RequiresRedisServer
@WithTestResource(LoopbackBitget.class)
@WithTestResource(LoopbackRedis.class)
@TestProfile(OneRequestOneRecord.AuditInTheMainLog.class)
@Tag(LambdaLimits.CONCURRENT_CALLERS)
@Tag(LambdaLimits.HANG_UPS)
class OneRequestOneRecordRedisTest extends OneRequestOneRecord {
}
