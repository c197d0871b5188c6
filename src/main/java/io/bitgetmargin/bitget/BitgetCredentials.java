package io.bitgetmargin.bitget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What signs calls for one Bitget account. {@link #toString()} never shows the passphrase or the signer's
 * secret.
 *
 * @param rateLimitId the account's name at the rate limiter: the first 32 hex digits of SHA-256 of the API key, so
 *        that accounts configured under different names (or on different instances) for one key share its budget,
 *        and nobody reading the limiter's Redis learns the key
 */
public record BitgetCredentials(String account, String apiKey, BitgetSigner signer, String passphrase,
        boolean demoTrading, AccountTypeSetting accountType, String rateLimitId) {

    /** Builds credentials from configuration values. */
    public static BitgetCredentials of(String account, String apiKey, String secretKey, String passphrase,
            boolean demoTrading, AccountTypeSetting accountType) {
        String key = apiKey.trim();
        return new BitgetCredentials(account, key, BitgetSigner.of(secretKey), passphrase, demoTrading, accountType,
                digest(key));
    }

    private static String digest(String apiKey) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this runtime");
        }
    }

    @Override
    public String toString() {
        return "BitgetCredentials[account=" + account + ", apiKey=" + apiKey + ", signer=" + signer.algorithm()
                + ", demoTrading=" + demoTrading + ", accountType=" + accountType + "]";
    }
}
