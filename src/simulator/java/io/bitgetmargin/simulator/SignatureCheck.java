package io.bitgetmargin.simulator;

import static io.bitgetmargin.simulator.Envelopes.error;
import static io.bitgetmargin.simulator.Envelopes.isBlank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.bitgetmargin.bitget.BitgetSigner;

/**
 * Authenticates a signed call as Bitget does, in its order: the ACCESS-* headers, the key (40006), the timestamp
 * within 30 s (40008), the passphrase (40012), the signature over the bytes received (40009, HMAC or RSA keys), the
 * environment (40099), the content type of a POST (40007).
 */
final class SignatureCheck {

    private static final long TIMESTAMP_WINDOW_MILLIS = 30_000;

    private SignatureCheck() {
    }

    /** @return the key's account, or the refusal to answer */
    static Object authenticate(SimulatedRequest request, SimulatedAccounts accounts, long now) {
        String key = request.header("ACCESS-KEY");
        String sign = request.header("ACCESS-SIGN");
        String timestamp = request.header("ACCESS-TIMESTAMP");
        String passphrase = request.header("ACCESS-PASSPHRASE");
        if (isBlank(key)) {
            return error(400, "40001", "ACCESS_KEY cannot be empty", now);
        }
        if (isBlank(sign)) {
            return error(400, "40002", "ACCESS_SIGN cannot be empty", now);
        }
        if (isBlank(passphrase)) {
            return error(400, "40011", "ACCESS_PASSPHRASE cannot be empty", now);
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return error(400, "40005", "Invalid ACCESS_TIMESTAMP", now);
        }
        SimulatedAccount account = accounts.get(key);
        if (account == null) {
            return error(400, "40006", "Invalid ACCESS_KEY", now);
        }
        if (Math.abs(now - sentAt) > TIMESTAMP_WINDOW_MILLIS) {
            return error(400, "40008", "Request timestamp expired", now);
        }
        if (!account.key.passphrase().equals(passphrase)) {
            return error(400, "40012", "apikey/password is incorrect", now);
        }
        String expected = BitgetSigner.of(account.key.secretKey()).sign(BitgetSigner.preHash(timestamp,
                request.method(), request.rawPath(), Envelopes.decode(request.rawQuery()), request.bodyText()));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sign.getBytes(StandardCharsets.UTF_8))) {
            return error(400, "40009", "sign signature error", now);
        }
        // The legacy S-product types are their own demo environment, used without the header by any key.
        boolean paptrading = "1".equals(request.header("paptrading"));
        boolean simulatedProduct = String.valueOf(productTypeOf(request)).startsWith("S");
        if (simulatedProduct ? paptrading : paptrading != account.key.isDemo()) {
            return error(400, "40099", "exchange environment is incorrect", now);
        }
        if (request.method().equals("POST") && !String.valueOf(request.header("Content-Type")).startsWith("application/json")) {
            return error(400, "40007", "Invalid Content_Type", now);
        }
        return account;
    }

    /** The product type (v2) or category (v3) a call is about, from its query or body. */
    private static String productTypeOf(SimulatedRequest request) {
        String fromQuery = Envelopes.parameters(request.rawQuery()).get("productType");
        if (fromQuery != null || request.body().length == 0) {
            return fromQuery;
        }
        var body = Envelopes.object(request);
        return body == null ? null : body.path("productType").asText(body.path("category").asText(null));
    }
}
