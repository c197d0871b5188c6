package io.bitgetmargin.bitget;

/**
 * What signs calls for one Bitget account. {@link #toString()} never shows the passphrase or the signer's
 * secret.
 */
public record BitgetCredentials(String account, String apiKey, BitgetSigner signer, String passphrase,
        boolean demoTrading) {

    /** Builds credentials from configuration values. */
    public static BitgetCredentials of(String account, String apiKey, String secretKey, String passphrase,
            boolean demoTrading) {
        return new BitgetCredentials(account, apiKey.trim(), BitgetSigner.of(secretKey), passphrase, demoTrading);
    }

    @Override
    public String toString() {
        return "BitgetCredentials[account=" + account + ", apiKey=" + apiKey + ", signer=" + signer.algorithm()
                + ", demoTrading=" + demoTrading + "]";
    }
}
