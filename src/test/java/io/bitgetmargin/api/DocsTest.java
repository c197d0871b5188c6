package io.bitgetmargin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.bitget.BitgetErrorCategory;
import io.bitgetmargin.bitget.BitgetErrorCode;
import io.bitgetmargin.operation.ProblemCode;
import io.bitgetmargin.operation.Problems;

/**
 * The guide's tables and lists say what the code does: the error table of {@code docs/errors.md} maps each Bitget
 * code to the facade code the code maps it to, and the lists of retried and breaker-counted codes in
 * {@code docs/resilience.md} are the categories'. (The configuration table is checked by its own test.)
 */
class DocsTest {

    private static final Path ERRORS = Path.of("docs", "errors.md");
    private static final Path RESILIENCE = Path.of("docs", "resilience.md");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{3,6})\\b");

    private static String read(Path doc) throws IOException {
        return Files.readString(doc, StandardCharsets.UTF_8);
    }

    private static Set<String> codesIn(String text) {
        Set<String> codes = new TreeSet<>();
        Matcher matcher = CODE.matcher(text);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    private static Set<String> codesWhere(Predicate<BitgetErrorCategory> test) {
        return Arrays.stream(BitgetErrorCode.values()).filter(code -> test.test(code.category()))
                .map(BitgetErrorCode::code).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The list item of {@code doc} that starts with {@code start}, with its continuation lines. */
    private static String item(Path doc, String start) throws IOException {
        String text = read(doc);
        int at = text.indexOf(start);
        assertTrue(at >= 0, doc + " has no line starting " + start);
        String[] lines = text.substring(at).split("\n");
        StringBuilder item = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length && lines[i].matches("^ {5,}\\S.*"); i++) {
            item.append('\n').append(lines[i]);
        }
        return item.toString();
    }

    @Test
    void theErrorTableMapsEveryBitgetCodeAsTheCodeDoes() throws IOException {
        String text = read(ERRORS);
        int start = text.indexOf("| HTTP | `code` | when | Bitget codes |");
        assertTrue(start >= 0, ERRORS + " has no error table");
        String table = text.substring(start);
        table = table.substring(0, table.indexOf("\n\n"));
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String row : table.split("\n")) {
            String[] cells = row.split("\\|");
            if (cells.length < 5 || !cells[1].trim().matches("\\d.*")) {
                continue;
            }
            String status = cells[1].trim();
            for (String code : cells[2].replace("`", "").split("/")) {
                ProblemCode problem = ProblemCode.valueOf(code.trim());
                documented.put(problem.name(), codesIn(cells[4]));
                if (!status.contains("/")) {
                    assertEquals(String.valueOf(problem.status()), status, problem.name());
                }
            }
        }
        Map<String, Set<String>> mapped = new TreeMap<>();
        for (BitgetErrorCode code : BitgetErrorCode.values()) {
            mapped.computeIfAbsent(Problems.forCategory(code.category()).name(), name -> new TreeSet<>()).add(code.code());
        }
        for (ProblemCode problem : ProblemCode.values()) {
            assertTrue(documented.containsKey(problem.name()), "the error table has no row for " + problem.name());
            assertEquals(mapped.getOrDefault(problem.name(), Set.of()), documented.get(problem.name()),
                    "Bitget codes of " + problem.name());
        }
    }

    @Test
    void theListOfRetriedCodesIsTheTransientCategories() throws IOException {
        assertEquals(codesWhere(BitgetErrorCategory::isTransient), codesIn(item(RESILIENCE, "- **Retried:**")));
    }

    @Test
    void theListOfCodesTheBreakerCountsIsBitgetsTrouble() throws IOException {
        assertEquals(codesWhere(BitgetErrorCategory::isBitgetTrouble),
                codesIn(item(RESILIENCE, "- **Counted by the circuit breaker:**")));
    }
}
