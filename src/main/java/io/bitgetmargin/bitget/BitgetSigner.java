package io.bitgetmargin.bitget;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes Bitget's {@code ACCESS-SIGN} over {@code preHash = timestamp + METHOD + requestPath + ["?" + query] + body}:
 * Base64(HMAC-SHA256(secret, preHash)) for an ordinary API secret, Base64(SHA256withRSA(key, preHash)) when the
 * secret is a PKCS#8 PEM private key (Bitget's RSA API keys).
 * <p>
 * The pre-hash is taken as UTF-8 bytes whatever the JVM's default charset, so symbols with non-Latin letters are
 * signed exactly as they are sent. An HMAC secret is used literally, never base64-decoded, even when it looks like
 * base64.
 */
public final class BitgetSigner {

    private static final String PEM_HEADER = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_FOOTER = "-----END PRIVATE KEY-----";

    private final SecretKeySpec hmacKey;
    private final PrivateKey rsaKey;

    private BitgetSigner(SecretKeySpec hmacKey, PrivateKey rsaKey) {
        this.hmacKey = hmacKey;
        this.rsaKey = rsaKey;
    }

    /** A signer for whatever the secret is: a PKCS#8 PEM private key signs with RSA, anything else with HMAC. */
    public static BitgetSigner of(String secret) {
        if (secret != null && secret.contains(PEM_HEADER)) {
            return rsa(secret);
        }
        return hmac(secret);
    }

    /** A signer for an HMAC secret. */
    public static BitgetSigner hmac(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the Bitget secret key is empty");
        }
        return new BitgetSigner(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), null);
    }

    /** A signer for an RSA private key in PKCS#8 PEM form ({@code -----BEGIN PRIVATE KEY-----}). */
    public static BitgetSigner rsa(String pem) {
        int start = pem.indexOf(PEM_HEADER);
        int end = pem.indexOf(PEM_FOOTER);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the Bitget secret key is not a PKCS#8 PEM private key");
        }
        // Environment variables often carry PEM line breaks as literal "\n".
        String base64 = pem.substring(start + PEM_HEADER.length(), end).replace("\\n", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return new BitgetSigner(null, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // No cause: it could carry key material into a log.
            throw new IllegalArgumentException("the Bitget secret key is not a valid PKCS#8 RSA private key");
        }
    }

    /**
     * The pre-hash string. {@code query} is the decoded, sorted query without {@code ?}; {@code body} is the exact
     * request body, empty for GET.
     */
    public static String preHash(String timestamp, String method, String requestPath, String query, String body) {
        StringBuilder preHash = new StringBuilder(timestamp).append(method.toUpperCase(Locale.ROOT)).append(requestPath);
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
        byte[] data = preHash.getBytes(StandardCharsets.UTF_8);
        try {
            if (rsaKey != null) {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(rsaKey);
                signature.update(data);
                return Base64.getEncoder().encodeToString(signature.sign());
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            // Deliberately no cause or pre-hash in the message: the exception may end up in a log.
            throw new IllegalStateException("cannot sign: " + algorithm() + " is not available in this runtime");
        }
    }

    /** {@code HmacSHA256} or {@code SHA256withRSA}. */
    public String algorithm() {
        return rsaKey != null ? "SHA256withRSA" : "HmacSHA256";
    }

    @Override
    public String toString() {
        return "BitgetSigner[" + algorithm() + "]";
    }
}
