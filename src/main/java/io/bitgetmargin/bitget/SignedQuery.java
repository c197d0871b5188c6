package io.bitgetmargin.bitget;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A query string put in the order Bitget signs it: parameters sorted by name. {@link #encoded()} is what goes on
 * the wire, {@link #decoded()} what goes into the pre-hash. Bitget verifies against the decoded form (ccxt#28888,
 * Bitget.Net#48): signing {@code %E9%BE%99} or {@code %24} instead of the characters fails with 40009.
 */
public record SignedQuery(String encoded, String decoded) {

    private static final SignedQuery EMPTY = new SignedQuery("", "");

    /** Sorts a raw (percent-encoded) query; {@code null} or empty gives the empty query. */
    public static SignedQuery of(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        record Parameter(String rawName, String rawPair, String decodedName, String decodedPair) {
        }
        List<Parameter> parameters = new ArrayList<>();
        for (String rawPair : rawQuery.split("&")) {
            if (rawPair.isEmpty()) {
                continue;
            }
            int equals = rawPair.indexOf('=');
            String rawName = equals < 0 ? rawPair : rawPair.substring(0, equals);
            String decodedName = decode(rawName);
            String decodedPair = equals < 0 ? decodedName : decodedName + "=" + decode(rawPair.substring(equals + 1));
            parameters.add(new Parameter(rawName, rawPair, decodedName, decodedPair));
        }
        // Stable sort: repeated names keep the order the caller gave them.
        parameters.sort(Comparator.comparing(Parameter::decodedName));
        StringBuilder encoded = new StringBuilder();
        StringBuilder decoded = new StringBuilder();
        for (Parameter parameter : parameters) {
            if (encoded.length() > 0) {
                encoded.append('&');
                decoded.append('&');
            }
            encoded.append(parameter.rawPair());
            decoded.append(parameter.decodedPair());
        }
        return new SignedQuery(encoded.toString(), decoded.toString());
    }

    /** The decoded value of a parameter, or null. */
    public String parameter(String name) {
        for (String pair : decoded.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return encoded.isEmpty();
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
