package io.bitgetmargin.security;

import io.bitgetmargin.testing.LoopbackBitget;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The JWT callers' tests against the packaged application, whose production profile has no JWT key of its own. */
@QuarkusIntegrationTest
@WithTestResource(LoopbackBitget.class)
class JwtCallersIT extends JwtCallersTest {
}
