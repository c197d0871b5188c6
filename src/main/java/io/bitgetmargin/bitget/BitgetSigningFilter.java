package io.bitgetmargin.bitget;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Signs every private Bitget call. This is the one place that decides the bytes that are signed and sent: the
 * body is serialised once by {@link BitgetJson}, signed, and that same UTF-8 byte array becomes the entity; the
 * query is put in sorted order and its decoded form signed.
 * <p>
 * Registered on {@link BitgetRestClient} only (no {@code @Provider}), so no other client is signed with Bitget
 * credentials.
 */
@jakarta.inject.Singleton
public class BitgetSigningFilter implements ClientRequestFilter {

    /** Internal header naming the account to sign for; removed before the request leaves. */
    static final String ACCOUNT_HEADER = "X-Bitget-Margin-Account";

    /** Bitget's public endpoints (server time, market data such as the contracts list) are unsigned. */
    private static final List<String> PUBLIC_PATH_PREFIXES = List.of("/api/v2/public/", "/api/v2/mix/market/");

    private static final String USER_AGENT = "bitget-margin";

    private final BitgetAccounts accounts;
    private final BitgetClock clock;

    public BitgetSigningFilter(BitgetAccounts accounts, BitgetClock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    private static boolean isSimulatedProductType(Object entity, SignedQuery query) {
        String productType = entity instanceof ProductTypeScoped body ? body.productType() : query.parameter("productType");
        return productType != null && productType.startsWith("S");
    }

    @Override
    public void filter(ClientRequestContext request) {
        MultivaluedMap<String, Object> headers = request.getHeaders();
        String accountName = (String) headers.getFirst(ACCOUNT_HEADER);
        headers.remove(ACCOUNT_HEADER);
        headers.putSingle("User-Agent", USER_AGENT);

        URI uri = request.getUri();
        String path = uri.getRawPath();
        if (PUBLIC_PATH_PREFIXES.stream().anyMatch(path::startsWith)) {
            return;
        }
        BitgetCredentials credentials = accounts.resolve(accountName);

        String body = "";
        Object entity = request.getEntity();
        if (request.hasEntity()) {
            body = entity instanceof String text ? text : BitgetJson.write(entity);
            // Bytes, not a String entity: the writer must not re-encode with some other charset.
            request.setEntity(body.getBytes(StandardCharsets.UTF_8), request.getEntityAnnotations(),
                    MediaType.APPLICATION_JSON_TYPE);
        }
        SignedQuery query = SignedQuery.of(uri.getRawQuery());
        if (!query.isEmpty()) {
            request.setUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + query.encoded()));
        }

        // Taken here, per attempt: a retried call is re-signed with a fresh timestamp.
        String timestamp = Long.toString(clock.nowMillis());
        String signature = credentials.signer()
                .sign(BitgetSigner.preHash(timestamp, request.getMethod(), path, query.decoded(), body));

        headers.putSingle("ACCESS-KEY", credentials.apiKey());
        headers.putSingle("ACCESS-SIGN", signature);
        headers.putSingle("ACCESS-TIMESTAMP", timestamp);
        headers.putSingle("ACCESS-PASSPHRASE", credentials.passphrase());
        headers.putSingle("locale", "en-US");
        headers.putSingle("Content-Type", MediaType.APPLICATION_JSON);
        // The legacy simulated product types (SUSDT-FUTURES, ...) are a demo environment of their own and are
        // used without the header; a demo key with the normal product types needs it.
        if (credentials.demoTrading() && !isSimulatedProductType(entity, query)) {
            headers.putSingle("paptrading", "1");
        }
    }
}
