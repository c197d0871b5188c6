package io.bitgetmargin.api;

import io.bitgetmargin.testing.LoopbackBitget;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same facade tests against the packaged production artifact (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(LoopbackBitget.class)
class MarginModeResourceIT extends MarginModeResourceTest {
}
