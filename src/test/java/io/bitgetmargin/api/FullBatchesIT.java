package io.bitgetmargin.api;

import io.bitgetmargin.testing.LoopbackBitget;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same batches against the packaged production artifact, within the heap defaults the pom gives it. */
@QuarkusIntegrationTest
@WithTestResource(LoopbackBitget.class)
class FullBatchesIT extends FullBatchesTest {
}
