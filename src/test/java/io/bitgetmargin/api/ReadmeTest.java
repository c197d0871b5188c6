package io.bitgetmargin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.bitget.BitgetConfig;
import io.bitgetmargin.bitget.BitgetErrorCategory;
import io.bitgetmargin.bitget.BitgetErrorCode;
import io.bitgetmargin.bitget.BitgetLimits;
import io.bitgetmargin.bitget.CircuitBreakerConfig;
import io.bitgetmargin.bitget.ClockConfig;
import io.bitgetmargin.bitget.ContractsConfig;
import io.bitgetmargin.bitget.RetryConfig;
import io.bitgetmargin.margin.BatchConfig;
import io.bitgetmargin.operation.ProblemCode;
import io.bitgetmargin.operation.Problems;
import io.bitgetmargin.ratelimit.RateLimitConfig;
import io.bitgetmargin.security.TokensConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The README's tables and lists say what the code does: the error table maps each Bitget code to the facade code the
 * code maps it to, the lists of retried and breaker-counted codes are the categories', and the configuration table
 * has every property with a default, under its environment name, with that default.
 */
class ReadmeTest {

    private static String readme;

    @BeforeAll
    static void readTheReadme() throws IOException {
        readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    private static final Pattern CODE = Pattern.compile("\\b(\\d{3,6})\\b");

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

    /** The list item of the README that starts with {@code start}, with its continuation lines. */
    private static String item(String start) {
        int at = readme.indexOf(start);
        assertTrue(at >= 0, "README has no line starting " + start);
        String[] lines = readme.substring(at).split("\n");
        StringBuilder item = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length && lines[i].matches("^ {5,}\\S.*"); i++) {
            item.append('\n').append(lines[i]);
        }
        return item.toString();
    }

    @Test
    void theErrorTableMapsEveryBitgetCodeAsTheCodeDoes() {
        String table = readme.substring(readme.indexOf("| HTTP | `code` | when | Bitget codes |"));
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
    void theListOfRetriedCodesIsTheTransientCategories() {
        assertEquals(codesWhere(BitgetErrorCategory::isTransient), codesIn(item("- **Retried:**")));
    }

    @Test
    void theListOfCodesTheBreakerCountsIsBitgetsTrouble() {
        assertEquals(codesWhere(BitgetErrorCategory::isBitgetTrouble), codesIn(item("- **Counted by the circuit breaker:**")));
    }

    @Test
    void theConfigurationTableHasEveryPropertyWithItsDefaultAndEnvironmentName() {
        Map<String, String> defaults = new TreeMap<>();
        for (Class<?> mapping : List.of(BitgetConfig.class, FacadeConfig.class, TokensConfig.class, BatchConfig.class, RateLimitConfig.class,
                BitgetLimits.class, RetryConfig.class, CircuitBreakerConfig.class, ClockConfig.class, ContractsConfig.class)) {
            collectDefaults(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, defaults);
        }
        Map<String, String[]> rows = new HashMap<>();
        for (String line : readme.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length >= 5 && cells[1].trim().startsWith("`bitget")) {
                rows.put(cells[1].trim().replace("`", ""), cells);
            }
        }
        defaults.forEach((property, value) -> {
            String[] row = rows.get(property);
            assertNotNull(row, "the configuration table has no row for " + property);
            assertEquals("`" + property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_') + "`",
                    row[2].trim(), "environment name of " + property);
            assertEquals("`" + value + "`", row[3].trim(), "default of " + property);
        });
    }

    private static void collectDefaults(String prefix, Class<?> group, Map<String, String> defaults) {
        for (Method method : group.getDeclaredMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String property = prefix + "." + kebab(method.getName());
            WithDefault value = method.getAnnotation(WithDefault.class);
            if (value != null) {
                defaults.put(property, value.value());
            } else if (method.getReturnType().isInterface() && method.getReturnType().getName().startsWith("io.bitgetmargin.")) {
                collectDefaults(property, method.getReturnType(), defaults);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
