package io.bitgetmargin.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layout a newcomer reads in the README's "Where things are" is the code's: every package has its row, each uses
 * only the packages listed below it, nothing in {@code src/main/java} reaches the simulator (which lives in
 * {@code src/simulator/java}), and no production source file is longer than a reader can hold.
 */
class LayoutTest {

    private static final Path MAIN = Path.of("src", "main", "java", "io", "bitgetmargin");
    private static final Path SIMULATOR = Path.of("src", "simulator", "java", "io", "bitgetmargin", "simulator");
    private static final int MOST_LINES = 450;
    /** An import of, or a fully qualified reference to, a class of one of our packages. */
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.bitgetmargin\\.([a-z]+)\\.[A-Z]");
    private static final Pattern ROW = Pattern.compile("^\\| `io\\.bitgetmargin\\.([a-z]+)` \\|");

    @Test
    void everyPackageUsesOnlyThePackagesTheReadmeListsBelowIt() throws IOException {
        List<String> order = readmeOrder();
        Map<String, Set<String>> uses = uses(MAIN);
        assertEquals(new TreeSet<>(order.stream().filter(name -> !name.equals("simulator")).toList()), uses.keySet(),
                "the packages of src/main/java and the rows of the README's \"Where things are\"");
        List<String> upwards = new ArrayList<>();
        uses.forEach((from, targets) -> targets.forEach(to -> {
            if (to.equals("simulator") || order.indexOf(to) <= order.indexOf(from)) {
                upwards.add(from + " -> " + to);
            }
        }));
        assertEquals(List.of(), upwards, "uses of a package listed above (or of the simulator)");
    }

    /** The two doors, the REST facade and the agents' MCP tools, share what lies below them and never each other. */
    @Test
    void noPackageButHealthImportsADoor() throws IOException {
        Map<String, Set<String>> uses = uses(MAIN);
        uses.forEach((from, targets) -> {
            assertTrue(from.equals("health") || !targets.contains("api"), from + " imports api");
            assertTrue(!targets.contains("agent"), from + " imports agent");
        });
    }

    @Test
    void theSimulatorIsInItsOwnSourceFolderAndUsesOnlyTheBitgetEdge() throws IOException {
        assertTrue(Files.isDirectory(SIMULATOR), SIMULATOR + " holds the simulator");
        assertTrue(Files.notExists(MAIN.resolve("simulator")), "no simulator in src/main/java");
        assertEquals(Set.of("bitget"), uses(SIMULATOR.getParent()).get("simulator"));
    }

    @Test
    void noProductionSourceFileIsLongerThan450Lines() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> content = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines = content.count();
                }
                if (lines > MOST_LINES) {
                    tooLong.put(MAIN.relativize(file).toString(), lines);
                }
            }
        }
        assertEquals(Map.of(), tooLong);
    }

    /** The packages in the order of the README's table, top first. */
    private static List<String> readmeOrder() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Where things are");
        assertTrue(start >= 0, "README.md has no section \"Where things are\"");
        String section = readme.substring(start);
        int next = section.indexOf("\n## ", 1);
        section = next < 0 ? section : section.substring(0, next);
        List<String> order = new ArrayList<>();
        for (String line : section.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                order.add(row.group(1));
            }
        }
        return order;
    }

    /** For each package under {@code root}, the other packages of ours its sources refer to. */
    private static Map<String, Set<String>> uses(Path root) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String from = root.relativize(file).getName(0).toString();
                Set<String> targets = uses.computeIfAbsent(from, key -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (reference.find()) {
                    if (!reference.group(1).equals(from)) {
                        targets.add(reference.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
