package io.bitgetmargin.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.bitgetmargin.security.Caller;
import io.bitgetmargin.security.StaticTokens;
import io.bitgetmargin.security.TokensConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.build.Jwt;

/**
 * The per-request cost of knowing the caller: a static token matched against ten configured ones (a digest and ten
 * constant-time comparisons), and a JWT verified as SmallRye JWT does for every request (RS256 signature, issuer,
 * audience, expiry). Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AuthenticationBenchmark {

    private static final String ISSUER = "https://idp.bench.invalid";

    private StaticTokens tokens;
    private DefaultJWTParser parser;
    private String jwt;

    @Setup
    public void setUp() throws Exception {
        Map<String, TokensConfig.RestrictedToken> restricted = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            String token = "desk-token-" + i + "-0123456789abcdef0123456789abcdef";
            restricted.put("desk-" + i, new TokensConfig.RestrictedToken() {
                @Override
                public String token() {
                    return token;
                }

                @Override
                public List<String> accounts() {
                    return List.of("desk-" + token.length());
                }

                @Override
                public List<String> scopes() {
                    return List.of("margin:read", "margin:write");
                }

                @Override
                public Optional<Integer> changesPerSecond() {
                    return Optional.empty();
                }
            });
        }
        tokens = new StaticTokens(new TokensConfig() {
            @Override
            public Optional<List<String>> apiTokens() {
                return Optional.of(List.of("platform-token-0123456789abcdef0123456789abcdef"));
            }

            @Override
            public Map<String, RestrictedToken> tokens() {
                return restricted;
            }

            @Override
            public Auth auth() {
                return () -> true;
            }

            @Override
            public Callers callers() {
                return Optional::empty;
            }
        });

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
        context.setExpectedAudience(Set.of("bitget-margin"));
        parser = new DefaultJWTParser(context);
        jwt = Jwt.issuer(ISSUER).subject("desk-bot").audience("bitget-margin").claim("accounts", List.of("*"))
                .claim("scope", "margin:read margin:write").expiresIn(3600).sign(keys.getPrivate());
    }

    @Benchmark
    public Optional<Caller> staticToken() {
        return tokens.match("desk-token-8-0123456789abcdef0123456789abcdef");
    }

    @Benchmark
    public JsonWebToken jwtRs256() throws Exception {
        return parser.parse(jwt);
    }
}
