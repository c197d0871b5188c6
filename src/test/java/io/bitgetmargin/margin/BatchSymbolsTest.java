package io.bitgetmargin.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;

class BatchSymbolsTest {

    private static BatchSymbols<String> read(List<String> symbols, List<FieldProblem> problems, int maxSymbols) {
        return BatchSymbols.of(symbols, "USDT-FUTURES", null, maxSymbols, problems, MarginModeTarget::symbol);
    }

    @Test
    void countsEveryFormOfOneSymbolOnceInRequestOrderAndKeepsAnInvalidOneAsWritten() {
        BatchSymbols<String> symbols = read(List.of("ethusdt", "BTC/USDT:USDT", "not a symbol!", "btcusdt", "ETHUSDT"),
                new ArrayList<>(), 10);

        assertEquals(List.of("ETHUSDT", "BTCUSDT"), symbols.valid());
        List<String> items = symbols.inRequestOrder(Map.of("ETHUSDT", "eth done", "BTCUSDT", "btc done"),
                (symbol, invalid) -> symbol + " invalid: " + ((InvalidRequestException) invalid).problems().get(0).field());
        assertEquals(List.of("eth done", "btc done", "not a symbol! invalid: symbol"), items);
    }

    @Test
    void refusesAMissingSymbolListTogetherWithTheOtherFieldsProblems() {
        List<FieldProblem> problems = new ArrayList<>(List.of(new FieldProblem("marginMode", "is required")));

        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> read(List.of(), problems, 10));

        assertEquals(List.of("marginMode", "symbols"), refused.problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void refusesTheBatchWhenTheOtherFieldsAreWrongEvenWithValidSymbols() {
        List<FieldProblem> problems = new ArrayList<>(List.of(new FieldProblem("marginMode", "is required")));

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> BatchSymbols.of(List.of("BTCUSDT"), "USDT-FUTURES", null, 10, problems, target -> {
                    throw new AssertionError("nothing is asked of a symbol of a refused batch");
                }));

        assertEquals(List.of("marginMode"), refused.problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void refusesMoreDistinctSymbolsThanABatchHoldsButNotTheirRepetitions() {
        assertEquals(2, read(List.of("BTCUSDT", "btcusdt", "ETHUSDT", "BTC/USDT:USDT"), new ArrayList<>(), 2).valid()
                .size());

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> read(List.of("BTCUSDT", "ETHUSDT", "XRPUSDT"), new ArrayList<>(), 2));

        assertTrue(refused.getMessage().contains("holds 3 distinct symbols, more than the 2 allowed"),
                refused.getMessage());
    }
}
