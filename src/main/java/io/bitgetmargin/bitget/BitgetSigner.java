package io.bitgetmargin.bitget;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes Bitget's {@code ACCESS-SIGN}: Base64(HMAC-SHA256(secret, preHash)), where
 * {@code preHash = timestamp + METHOD + requestPath + ["?" + query] + body}.
 * <p>
 * Both the secret and the pre-hash are taken as UTF-8 bytes, whatever the JVM's default charset: symbols with
 * non-Latin letters are signed exactly as they are sent. The secret is used literally, never base64-decoded,
 * even when it looks like base64.
 */
public final class BitgetSigner {

    private final SecretKeySpec key;

    private BitgetSigner(SecretKeySpec key) {
        this.key = key;
    }

    /** A signer for an HMAC secret. */
    public static BitgetSigner hmac(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the Bitget secret key is empty");
        }
        return new BitgetSigner(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /**
     * The pre-hash string. {@code query} is the decoded, sorted query without {@code ?}; {@code body} is the exact
     * request body, empty for GET.
     */
    public static String preHash(String timestamp, String method, String requestPath, String query, String body) {
        StringBuilder preHash = new StringBuilder(timestamp).append(method.toUpperCase(java.util.Locale.ROOT))
                .append(requestPath);
        if (query != null && !query.isEmpty()) {
            preHash.append('?').append(query);
        }
        if (body != null) {
            preHash.append(body);
        }
        return preHash.toString();
    }

    /** Signs a pre-hash. */
    public String sign(String preHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(preHash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Deliberately no cause or pre-hash in the message: the exception may end up in a log.
            throw new IllegalStateException("HmacSHA256 is not available in this runtime");
        }
    }

    @Override
    public String toString() {
        return "BitgetSigner[HmacSHA256]";
    }
}
