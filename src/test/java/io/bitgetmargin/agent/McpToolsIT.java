package io.bitgetmargin.agent;

import java.nio.file.Path;
import java.util.Map;

import io.bitgetmargin.testing.AuditLog;
import io.bitgetmargin.testing.LoopbackBitget;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same agents' tests against the packaged production artifact (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(LoopbackBitget.class)
@WithTestResource(McpToolsIT.AuditFile.class)
class McpToolsIT extends McpToolsTest {

    private static final Path AUDIT = Path.of("target", "audit-mcp-it.log");

    /** The packaged artifact's audit trail, in a file of its own. */
    public static class AuditFile implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return AuditLog.config(AUDIT);
        }

        @Override
        public void stop() {
        }
    }

    @Override
    Map<String, Object> audit(String requestId) {
        return AuditLog.singleIn(AUDIT, requestId);
    }
}
