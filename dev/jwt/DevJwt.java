import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Makes a JWT for dev mode, signed with the dev-only key of this directory, which only the dev profile trusts
 * ({@code %dev.mp.jwt.verify.*} in application.properties). Needs nothing but a JDK:
 *
 * <pre>
 * java dev/jwt/DevJwt.java &lt;sub&gt; &lt;accounts, comma-separated, or *&gt; "&lt;scopes&gt;" [seconds valid, default 3600]
 * java dev/jwt/DevJwt.java desk-bot desk-b,uta-desk "margin:read margin:write"
 * </pre>
 *
 * The key is public, in this repository: never trust it outside dev mode.
 */
public class DevJwt {

    static final String ISSUER = "https://dev-idp.bitget-margin.invalid";
    static final String AUDIENCE = "bitget-margin";

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: java dev/jwt/DevJwt.java <sub> <accounts, comma-separated, or *> \"<scopes>\" [seconds]");
            System.exit(2);
        }
        long now = Instant.now().getEpochSecond();
        long validFor = args.length == 4 ? Long.parseLong(args[3]) : 3600;
        String accounts = Arrays.stream(args[1].split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .map(DevJwt::quoted).collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"iss\":" + quoted(ISSUER) + ",\"aud\":" + quoted(AUDIENCE) + ",\"sub\":" + quoted(args[0])
                + ",\"accounts\":" + accounts + ",\"scope\":" + quoted(args[2]) + ",\"iat\":" + now + ",\"exp\":"
                + (now + validFor) + "}";
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(privateKey(Path.of("dev", "jwt", "dev-private-key.pem")));
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign()));
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
