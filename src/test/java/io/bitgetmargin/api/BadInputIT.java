package io.bitgetmargin.api;

import io.bitgetmargin.testing.LoopbackBitget;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Bad input against the packaged artifact: its ObjectMapper customisation and mappers are the production ones. */
@QuarkusIntegrationTest
@WithTestResource(LoopbackBitget.class)
class BadInputIT extends BadInputTest {
}
