package io.bitgetmargin.api;

import org.junit.jupiter.api.Tag;

import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link OneRequestOneRecord} with the in-process rate-limit store: turns granted as other callers' calls end. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
@TestProfile(OneRequestOneRecord.AuditInTheMainLog.class)
@Tag(LambdaLimits.CONCURRENT_CALLERS)
@Tag(LambdaLimits.HANG_UPS)
class OneRequestOneRecordTest extends OneRequestOneRecord {
}
