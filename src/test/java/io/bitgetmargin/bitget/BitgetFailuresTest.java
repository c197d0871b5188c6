package io.bitgetmargin.bitget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.netty.handler.proxy.HttpProxyHandler;
import io.vertx.core.impl.NoStackTraceTimeoutException;

/**
 * How one exchange's outcome becomes a {@link BitgetException}, and what each kind means for retries (transient),
 * for the breaker (Bitget's trouble) and for the caller's wait (Retry-After).
 */
class BitgetFailuresTest {

    @Test
    void aRefusedConnectionIsATransientOutage() {
        BitgetException failure = BitgetFailures.classify(new RuntimeException(new ConnectException("refused")));
        assertInstanceOf(BitgetException.Unavailable.class, failure);
        assertTrue(failure.isTransient());
        assertTrue(failure.isBitgetTrouble());
        assertEquals("unavailable", failure.tag());
    }

    @Test
    void anEgressProxyRefusingItsCredentialsIsNeitherRetriedNorBitgetsTrouble() {
        // An http call through the proxy: its 407 answer. An https one: Netty's failed CONNECT.
        for (Throwable refused : new Throwable[] { new BitgetHttpError(407, null, "<html>auth required</html>"),
                new RuntimeException(new HttpProxyHandler.HttpProxyConnectException(
                        "http, basic, 127.0.0.1:3128 => api.bitget.com:443, status: 407 Proxy Authentication Required",
                        null)) }) {
            BitgetException failure = BitgetFailures.classify(refused);
            assertInstanceOf(BitgetException.EgressProxyRefused.class, failure, refused.toString());
            assertFalse(failure.isTransient());
            assertFalse(failure.isBitgetTrouble());
        }
        BitgetException noTunnel = BitgetFailures.classify(new HttpProxyHandler.HttpProxyConnectException(
                "http, none, 127.0.0.1:3128 => api.bitget.com:443, status: 502 Bad Gateway", null));
        assertInstanceOf(BitgetException.Unavailable.class, noTunnel);
        assertTrue(noTunnel.isTransient(), "a proxy that cannot reach Bitget is an outage like any other");
    }

    @Test
    void readTimeoutsOfEveryKindAreTimeouts() {
        for (Throwable timeout : new Throwable[] { new TimeoutException(), new NoStackTraceTimeoutException("read"),
                new IOException(new TimeoutException()) }) {
            BitgetException failure = BitgetFailures.classify(timeout);
            assertInstanceOf(BitgetException.Timeout.class, failure, timeout.toString());
            assertTrue(failure.isTransient() && failure.isBitgetTrouble());
        }
    }

    @Test
    void anyOtherTransportFailureIsATransientOutage() {
        BitgetException failure = BitgetFailures.classify(new IOException("Connection reset"));
        assertInstanceOf(BitgetException.Unavailable.class, failure);
        assertTrue(failure.isTransient());
    }

    @Test
    void anHtml502IsATransientOutageThatKeepsItsRetryAfter() {
        BitgetException failure = BitgetFailures.classify(new BitgetHttpError(502, "7", "<html>Bad Gateway</html>"));
        assertInstanceOf(BitgetException.Unavailable.class, failure);
        assertTrue(failure.isTransient() && failure.isBitgetTrouble());
        assertEquals(Optional.of(Duration.ofSeconds(7)), failure.retryAfter());
    }

    @Test
    void a429WithoutBodyIsRateLimitedRetriedButNotBitgetsTrouble() {
        BitgetException.Rejected failure = (BitgetException.Rejected) BitgetFailures.classify(new BitgetHttpError(429, "2", ""));
        assertEquals(BitgetErrorCategory.RATE_LIMITED, failure.category());
        assertEquals("429", failure.bitgetCode());
        assertTrue(failure.isTransient());
        assertFalse(failure.isBitgetTrouble(), "one account over its limit says nothing about Bitget");
        assertEquals(Optional.of(Duration.ofSeconds(2)), failure.retryAfter());
    }

    @Test
    void a429WithBitgetsEnvelopeKeepsItsCode() {
        BitgetException.Rejected failure = (BitgetException.Rejected) BitgetFailures.classify(
                new BitgetHttpError(429, null, "{\"code\":\"429\",\"msg\":\"Too Many Requests\",\"data\":null}"));
        assertEquals("Too Many Requests", failure.bitgetMsg());
        assertTrue(failure.retryAfter().isEmpty());
    }

    @Test
    void aRefusalInAnHttp400IsNeitherRetriedNorCounted() {
        BitgetException.Rejected failure = (BitgetException.Rejected) BitgetFailures.classify(new BitgetHttpError(400, null,
                "{\"code\":\"45117\",\"msg\":\"Currently holding positions or orders\",\"requestTime\":1,\"data\":null}"));
        assertEquals(BitgetErrorCategory.POSITION_OR_ORDER_OPEN, failure.category());
        assertFalse(failure.isTransient());
        assertFalse(failure.isBitgetTrouble());
        assertEquals("position-or-order-open", failure.tag());
    }

    @Test
    void bitgetsOwnOutageCodesAreRetriedAndCounted() {
        for (String code : new String[] { "40010", "40015", "40200", "40725", "45001" }) {
            BitgetException failure = BitgetFailures.classify(new BitgetHttpError(400, null,
                    "{\"code\":\"" + code + "\",\"msg\":\"try again later\",\"data\":null}"));
            assertTrue(failure.isTransient() && failure.isBitgetTrouble(), code);
        }
    }

    @Test
    void aRefusedTimestampIsClockSkewNotARetry() {
        BitgetException failure = BitgetFailures.classify(new BitgetHttpError(400, null,
                "{\"code\":\"40008\",\"msg\":\"Request timestamp expired\",\"data\":null}"));
        assertTrue(failure.isClockSkew());
        assertFalse(failure.isTransient());
    }

    @Test
    void anErrorStatusWithASuccessCodeOrNoEnvelopeIsAnOutageThatIsNotRetried() {
        for (String body : new String[] { "{\"code\":\"00000\",\"data\":null}", "<html>Forbidden</html>" }) {
            BitgetException failure = BitgetFailures.classify(new BitgetHttpError(403, null, body));
            assertInstanceOf(BitgetException.Unavailable.class, failure, body);
            assertFalse(failure.isTransient(), body);
        }
    }

    @Test
    void anUnreadable200IsNotRetriedButCountsAgainstBitget() {
        BitgetException failure = assertThrows(BitgetException.Unavailable.class, () -> BitgetFailures.successData(200,
                "{\"code\":\"00000\",\"data\":{\"symbol\":\"BTC", SetMarginModeData.class, null));
        assertFalse(failure.isTransient(), "the change may have been applied");
        assertTrue(failure.isBitgetTrouble());
    }

    @Test
    void anErrorCodeInAnHttp200IsARefusal() {
        BitgetException.Rejected failure = assertThrows(BitgetException.Rejected.class, () -> BitgetFailures.successData(200,
                "{\"code\":\"40034\",\"msg\":\"Parameter NOSUCH does not exist\",\"data\":null}", AccountData.class, null));
        assertEquals(200, failure.httpStatus());
        assertEquals(BitgetErrorCategory.UNKNOWN_SYMBOL, failure.category());
    }

    @Test
    void readsRetryAfterInSecondsOnly() {
        assertEquals(Duration.ofSeconds(3), BitgetFailures.parseRetryAfter(" 3 "));
        assertEquals(Duration.ZERO, BitgetFailures.parseRetryAfter("0"));
        assertNull(BitgetFailures.parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT"));
        assertNull(BitgetFailures.parseRetryAfter("-1"));
        assertNull(BitgetFailures.parseRetryAfter(""));
        assertNull(BitgetFailures.parseRetryAfter(null));
    }
}
