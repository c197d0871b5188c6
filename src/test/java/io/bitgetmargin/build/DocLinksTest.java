package io.bitgetmargin.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No relative link of the front door or the guide is broken: every {@code [text](target)} of README.md,
 * BENCHMARKS.md and {@code docs/**}{@code /*.md} that is not a web or mail address names a file that exists, and its
 * {@code #anchor}, if any, is a heading of that file under GitHub's rules (lower case, blanks to {@code -},
 * punctuation but {@code -} and {@code _} dropped, a repeated heading's anchor suffixed {@code -1}, {@code -2}, ...).
 * Links inside code blocks and code spans are not links, and are not checked.
 */
class DocLinksTest {

    /** An inline link or image: its text, then its target, with an optional title after a blank. */
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

    @Test
    void everyRelativeLinkNamesAFileAndAHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> documents = documents();
        assertTrue(documents.contains(Path.of("README.md")), "README.md is checked");
        assertTrue(documents.stream().anyMatch(doc -> doc.startsWith("docs")), "docs/ is checked");
        int links = 0;
        for (Path document : documents) {
            List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
            boolean code = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (FENCE.matcher(line).find()) {
                    code = !code;
                    continue;
                }
                if (code) {
                    continue;
                }
                Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
                while (link.find()) {
                    String target = link.group(2);
                    if (target.isEmpty() || target.matches("(?i)^(https?:|mailto:|ftp:|//).*")) {
                        continue;
                    }
                    links++;
                    String problem = problemWith(document, target);
                    if (problem != null) {
                        broken.add(document + ":" + (i + 1) + ": [" + link.group(1) + "](" + target + "): " + problem);
                    }
                }
            }
        }
        assertTrue(links > 0, "no relative link found: the scan is broken");
        if (!broken.isEmpty()) {
            fail(broken.size() + " broken relative link(s):\n  " + String.join("\n  ", broken));
        }
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertEquals(List.of("agents-mcp", "several-instances-one-limit-the-redis-store", "the-jar",
                "aws-lambda-behind-an-http-api", "traces-opentelemetry", "the-jar-1", "bitget-margin-the-guide",
                "read-before-you-change", "a-b_c"),
                anchors(List.of("# Agents (MCP)", "## Several instances, one limit: the Redis store", "## The jar",
                        "### AWS Lambda (behind an HTTP API)", "### Traces (OpenTelemetry)", "## The jar",
                        "# bitget-margin: the guide", "## [Read](x.md) *before* you `change`", "## a-b_c ##")));
    }

    /** What is wrong with {@code target}, a link of {@code document}; {@code null} when it is fine. */
    private static String problemWith(Path document, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        Path parent = document.getParent() == null ? Path.of("") : document.getParent();
        Path linked = file.isEmpty() ? document : parent.resolve(file).normalize();
        if (!Files.exists(linked)) {
            return "no file " + linked;
        }
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        if (!linked.toString().endsWith(".md") || Files.isDirectory(linked)) {
            return "an anchor into " + linked + ", which is not a Markdown file";
        }
        Set<String> anchors = new LinkedHashSet<>(anchors(Files.readAllLines(linked, StandardCharsets.UTF_8)));
        if (anchors.contains(anchor)) {
            return null;
        }
        return "no heading #" + anchor + " in " + linked + " (its anchors: " + String.join(", ", anchors) + ")";
    }

    /** The anchors GitHub gives the headings (and HTML anchors) of a Markdown file, in order. */
    static List<String> anchors(List<String> lines) {
        List<String> anchors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean code = false;
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                code = !code;
                continue;
            }
            if (code) {
                continue;
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int times = seen.merge(slug, 1, Integer::sum);
                anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
        }
        return anchors;
    }

    /** GitHub's anchor of a heading's text: its visible text, lower case, punctuation dropped, blanks to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link counts by its text
                .replaceAll("<[^>]+>", "") // HTML tags are not text
                .replace("`", "")
                .replace("*", "");
        return text.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                .replace(' ', '-');
    }

    /** README.md, BENCHMARKS.md and every Markdown file under docs/. */
    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        for (String top : List.of("README.md", "BENCHMARKS.md")) {
            Path path = Path.of(top);
            assertTrue(Files.isRegularFile(path), top + " exists");
            documents.add(path);
        }
        Path docs = Path.of("docs");
        assertTrue(Files.isDirectory(docs), "docs/ exists");
        try (Stream<Path> files = Files.walk(docs)) {
            files.filter(path -> path.toString().endsWith(".md") && Files.isRegularFile(path)).sorted()
                    .forEach(documents::add);
        }
        return documents;
    }
}
