package io.bitgetmargin.testing;

/**
 * Tags of tests that cannot hold under the {@code lambda} profile's mock event server, which the profile excludes.
 * They run in the default build.
 */
public final class LambdaLimits {

    /**
     * Needs several facade requests served at the same time. A Lambda instance serves one event at a time (Lambda
     * scales by instances, which share nothing in memory), so nothing queues inside one instance.
     */
    public static final String CONCURRENT_CALLERS = "concurrent-callers";

    /**
     * One request that runs for more than 30 s under the mock event server (the 60-symbol batch: about 10 s over HTTP).
     * API Gateway cuts integrations at 29 s too, so on Lambda keep batches small.
     */
    public static final String LONG_REQUEST = "long-request";

    /**
     * A caller that hangs up on its connection mid-request. The mock event server has no connection a caller could
     * close, and API Gateway does not tell a function that its caller has gone.
     */
    public static final String HANG_UPS = "hang-ups";

    /**
     * An HTTP/2 connection of the caller's own (h2c). On Lambda the caller's connection ends at API Gateway, which
     * hands the function an event; the mock event server that stands in for it answers HTTP/2 with HTTP/1.1 headers.
     */
    public static final String HTTP2 = "http2";

    /**
     * A response header sent as several values (Quarkus's CORS filter writes one
     * {@code Access-Control-Expose-Headers} per exposed header): the mock event server hands the caller the last one
     * only. Browser pages are the only readers of these headers.
     */
    public static final String MULTI_VALUED_HEADERS = "multi-valued-headers";

    private LambdaLimits() {
    }
}
