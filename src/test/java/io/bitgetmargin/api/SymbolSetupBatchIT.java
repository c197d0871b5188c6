package io.bitgetmargin.api;

import io.bitgetmargin.testing.LoopbackBitget;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged production artifact. */
@QuarkusIntegrationTest
@WithTestResource(LoopbackBitget.class)
class SymbolSetupBatchIT extends SymbolSetupBatchTest {
}
