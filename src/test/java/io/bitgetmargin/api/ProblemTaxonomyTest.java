package io.bitgetmargin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.bitget.BitgetErrorCategory;
import io.bitgetmargin.bitget.BitgetErrorCode;
import io.bitgetmargin.operation.ProblemCode;
import io.bitgetmargin.operation.Problems;

/** Every Bitget code of the protocol notes has a stable facade code, status and advice. */
class ProblemTaxonomyTest {

    private static ProblemCode facadeCode(String bitgetCode) {
        return Problems.forCategory(BitgetErrorCode.categoryOf(bitgetCode));
    }

    @Test
    void mapsTheCodesTheResilienceIssueNames() {
        Map<String, ProblemCode> expected = Map.ofEntries(
                Map.entry("45117", ProblemCode.POSITION_OR_ORDER_OPEN), Map.entry("40872", ProblemCode.POSITION_OR_ORDER_OPEN),
                Map.entry("45099", ProblemCode.MARGIN_MODE_NOT_ALLOWED), Map.entry("45100", ProblemCode.MARGIN_MODE_NOT_ALLOWED),
                Map.entry("45098", ProblemCode.MARGIN_MODE_NOT_ALLOWED), Map.entry("40716", ProblemCode.MARGIN_MODE_NOT_ALLOWED),
                Map.entry("22005", ProblemCode.MARGIN_MODE_NOT_ALLOWED),
                Map.entry("40034", ProblemCode.UNKNOWN_SYMBOL), Map.entry("40102", ProblemCode.UNKNOWN_SYMBOL),
                Map.entry("40072", ProblemCode.UNKNOWN_SYMBOL),
                Map.entry("40308", ProblemCode.SYMBOL_UNAVAILABLE), Map.entry("40309", ProblemCode.SYMBOL_UNAVAILABLE),
                Map.entry("40844", ProblemCode.SYMBOL_UNAVAILABLE),
                Map.entry("40778", ProblemCode.MARGIN_COIN_NOT_SUPPORTED), Map.entry("43049", ProblemCode.MARGIN_COIN_NOT_SUPPORTED),
                Map.entry("45025", ProblemCode.MARGIN_COIN_NOT_SUPPORTED), Map.entry("40808", ProblemCode.MARGIN_COIN_NOT_SUPPORTED),
                Map.entry("429", ProblemCode.RATE_LIMITED),
                Map.entry("40006", ProblemCode.BITGET_AUTH_FAILED), Map.entry("40009", ProblemCode.BITGET_AUTH_FAILED),
                Map.entry("40012", ProblemCode.BITGET_AUTH_FAILED), Map.entry("40014", ProblemCode.BITGET_AUTH_FAILED),
                Map.entry("40018", ProblemCode.BITGET_AUTH_FAILED), Map.entry("40038", ProblemCode.BITGET_AUTH_FAILED),
                Map.entry("40037", ProblemCode.BITGET_AUTH_FAILED), Map.entry("22010", ProblemCode.BITGET_AUTH_FAILED),
                Map.entry("40099", ProblemCode.WRONG_ENVIRONMENT),
                Map.entry("40084", ProblemCode.WRONG_ACCOUNT_TYPE), Map.entry("40085", ProblemCode.WRONG_ACCOUNT_TYPE),
                Map.entry("40015", ProblemCode.BITGET_UNAVAILABLE), Map.entry("40200", ProblemCode.BITGET_UNAVAILABLE),
                Map.entry("40010", ProblemCode.BITGET_TIMEOUT),
                Map.entry("40008", ProblemCode.BITGET_CLOCK_SKEW),
                Map.entry("12345", ProblemCode.BITGET_ERROR));
        Map<String, ProblemCode> actual = expected.keySet().stream()
                .collect(Collectors.toMap(code -> code, ProblemTaxonomyTest::facadeCode));
        assertEquals(expected, actual);
    }

    @Test
    void statusesAreTheDocumentedOnes() {
        assertEquals(409, ProblemCode.POSITION_OR_ORDER_OPEN.status());
        assertEquals(422, ProblemCode.MARGIN_MODE_NOT_ALLOWED.status());
        assertEquals(422, ProblemCode.UNKNOWN_SYMBOL.status());
        assertEquals(503, ProblemCode.SYMBOL_UNAVAILABLE.status());
        assertEquals(422, ProblemCode.MARGIN_COIN_NOT_SUPPORTED.status());
        assertEquals(429, ProblemCode.RATE_LIMITED.status());
        assertEquals(502, ProblemCode.BITGET_AUTH_FAILED.status());
        assertEquals(502, ProblemCode.WRONG_ENVIRONMENT.status());
        assertEquals(502, ProblemCode.WRONG_ACCOUNT_TYPE.status());
        assertEquals(503, ProblemCode.BITGET_UNAVAILABLE.status());
        assertEquals(504, ProblemCode.BITGET_TIMEOUT.status());
        assertEquals(502, ProblemCode.BITGET_ERROR.status());
    }

    @Test
    void everyKnownCodeHasACategoryAndEveryCategoryAFacadeCodeWithAdvice() {
        for (BitgetErrorCode code : BitgetErrorCode.values()) {
            ProblemCode problem = Problems.forCategory(code.category());
            assertFalse(problem.advice().isBlank(), code.name());
        }
        for (BitgetErrorCategory category : BitgetErrorCategory.values()) {
            assertTrue(Problems.forCategory(category).status() >= 400, category.name());
        }
    }

    @Test
    void theUnifiedAccountAdviceSaysWhatToDo() {
        assertTrue(ProblemCode.WRONG_ACCOUNT_TYPE.advice().contains("bitget.accounts.<name>.account-type"));
        assertTrue(ProblemCode.WRONG_ENVIRONMENT.advice().contains("bitget.demo-trading"));
    }
}
