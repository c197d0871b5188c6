package io.bitgetmargin.bitget;

/**
 * What signs calls for one Bitget account. {@link #toString()} never shows the passphrase or the signer's
 * secret.
 */
public record BitgetCredentials(String apiKey, BitgetSigner signer, String passphrase, boolean demoTrading) {

    /** Builds credentials from configuration values. */
    public static BitgetCredentials of(String apiKey, String secretKey, String passphrase, boolean demoTrading) {
        return new BitgetCredentials(apiKey.trim(), BitgetSigner.hmac(secretKey), passphrase, demoTrading);
    }

    @Override
    public String toString() {
        return "BitgetCredentials[apiKey=" + apiKey + ", demoTrading=" + demoTrading + "]";
    }
}
