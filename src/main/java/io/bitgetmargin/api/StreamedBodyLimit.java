package io.bitgetmargin.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Counts a facade body as the REST layer reads it, and stops at {@code bitget-margin.max-request-bytes}: the limit of
 * an HTTP/2 body without a length, which {@link FacadeBodyLimit} cannot buffer. Every other body reaches it already
 * held to the limit, so this never refuses one of them. The refusal ({@link TooLarge}) becomes the 413 problem in
 * {@link ProblemMappers}, without a logged error.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER) // the facade's bodies, never the REST client's answers from Bitget
public class StreamedBodyLimit implements ReaderInterceptor {

    // A client proxy: providers are created at static init, before the configuration is there to be read.
    private final FacadeBodyLimit limit;

    StreamedBodyLimit(FacadeBodyLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Limited body = new Limited(context.getInputStream(), limit.maxRequestBytes());
        context.setInputStream(body);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // Jackson wraps what the stream threw with the JSON path it was at: the refusal is the body's size.
            if (body.exceeded()) {
                throw new TooLarge(body.limit);
            }
            throw e;
        }
    }

    /** A body past the limit. */
    static final class TooLarge extends IOException {
        private final long maxRequestBytes;

        TooLarge(long maxRequestBytes) {
            super("request body over " + maxRequestBytes + " bytes");
            this.maxRequestBytes = maxRequestBytes;
        }

        long maxRequestBytes() {
            return maxRequestBytes;
        }
    }

    /** Fails on the first byte past the limit, before the reader sees it. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream body, long limit) {
            super(body);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        boolean exceeded() {
            return read > limit;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }
    }
}
