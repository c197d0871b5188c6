package io.bitgetmargin.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EndElementTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.ErroneousTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;

/**
 * The configuration is documented once: the Javadoc of the {@code @ConfigMapping} interfaces is the source, and
 * {@code docs/configuration.md} has a row for every property they map (a row per property, in any of its tables), with
 * its environment name, its default and the method's Javadoc as its description, and no row for a property that is
 * not mapped. The sources are read with the JDK's own parser (no class is loaded, no Quarkus started).
 *
 * <p>{@code -Dconfiguration.doc.write=true} rewrites the rows from the Javadoc instead of checking them: a changed
 * row in place, a new property after its neighbour, a row of a property that is gone removed. Prose around the tables
 * is the document's own.
 */
class ConfigurationDocTest {

    /** Where {@code @ConfigMapping} interfaces live: the application and the dev/test simulator. */
    private static final List<Path> SOURCES = List.of(Path.of("src", "main", "java"), Path.of("src", "simulator", "java"));
    private static final Path DOC = Path.of("docs", "configuration.md");
    /** A row of one of our properties: {@code | `bitget...` | ...}. */
    private static final Pattern OUR_ROW = Pattern.compile("^\\| `(bitget[.-][^`]*)` \\|");
    /** Any row naming a property and its environment name. */
    private static final Pattern ANY_ROW = Pattern.compile("^\\| `([a-z][^`]*)` \\| `([A-Z][^`]*)` \\|");
    private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z]+)>");

    /** One mapped property as its row shows it. */
    record Property(String name, String defaultValue, String description, String source) {

        String environment() {
            return environmentName(name);
        }

        String row() {
            return "| `" + name + "` | `" + environment() + "` | " + defaultValue + " | " + description + " |";
        }
    }

    private static List<Property> properties;
    private static List<String> doc;

    @BeforeAll
    static void readTheSourcesAndTheDoc() throws IOException {
        properties = new MappingReader().read();
        doc = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("configuration.doc.write")) {
            doc = rewritten(doc, properties);
            Files.write(DOC, doc, StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyMappedPropertyIsDocumentedInItsJavadoc() {
        String undocumented = properties.stream().filter(property -> property.description().isEmpty())
                .map(property -> property.name() + " (" + property.source() + ")").collect(Collectors.joining("\n  "));
        assertEquals("", undocumented, "properties without a description: document them in the @ConfigMapping Javadoc\n  ");
    }

    @Test
    void theDocHasARowForEveryPropertyAsItsJavadocSaysIt() {
        Map<String, String> rows = ourRows(doc);
        List<String> wrong = new ArrayList<>();
        for (Property property : properties) {
            String row = rows.get(property.name());
            if (property.description().isEmpty()) {
                continue; // everyMappedPropertyIsDocumentedInItsJavadoc says what to do
            } else if (row == null) {
                wrong.add(DOC + " has no row for " + property.name() + " (" + property.source() + "); add:\n" + property.row());
            } else if (!normalised(row).equals(property.row())) {
                wrong.add(DOC + "'s row for " + property.name() + " is not what " + property.source()
                        + " says (its Javadoc is the source: change that, then the row); expected:\n" + property.row()
                        + "\nfound:\n" + row);
            }
        }
        assertEquals("", String.join("\n\n", wrong), "(-Dconfiguration.doc.write=true rewrites the rows)\n");
    }

    @Test
    void theDocNamesNoPropertyThatIsNotMapped() {
        Set<String> mapped = properties.stream().map(Property::name).collect(Collectors.toSet());
        List<String> unknown = ourRows(doc).keySet().stream().filter(name -> !mapped.contains(name)).toList();
        assertEquals(List.of(), unknown, DOC + " has rows for properties no @ConfigMapping interface maps");
    }

    @Test
    void everyRowsEnvironmentNameIsItsPropertys() {
        int rows = 0;
        for (String line : doc) {
            Matcher row = ANY_ROW.matcher(line);
            if (row.find()) {
                rows++;
                assertEquals(environmentName(row.group(1)), row.group(2), "environment name of " + row.group(1));
            }
        }
        assertTrue(rows > properties.size(), "the doc's tables were not found");
    }

    @Test
    void theReaderFindsTheMappings() {
        // A guard for the reader itself: names, defaults, groups, maps and optionals as SmallRye maps them.
        Map<String, Property> byName = properties.stream().collect(Collectors.toMap(Property::name, p -> p));
        assertEquals("`200`", byName.get("bitget-margin.batch.max-symbols").defaultValue());
        assertEquals("`500ms`", byName.get("bitget-margin.rate-limit.redis.command-timeout").defaultValue());
        assertEquals("—", byName.get("bitget.api-key").defaultValue());
        assertEquals("required", byName.get("bitget.accounts.<name>.api-key").defaultValue());
        assertEquals("`margin:read,margin:write`", byName.get("bitget-margin.tokens.<label>.scopes").defaultValue());
        assertEquals("BITGET_MARGIN_TOKENS_<LABEL>_CHANGES_PER_SECOND",
                byName.get("bitget-margin.tokens.<label>.changes-per-second").environment());
        assertNotNull(byName.get("bitget-margin.simulator.unified-accounts"));
        assertFalse(byName.containsKey("bitget-margin.rate-limit.redis"), "a group is not a property");
    }

    /** The environment variable SmallRye reads for a property: upper case, anything else than a letter or digit {@code _}. */
    static String environmentName(String property) {
        StringBuilder name = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(property);
        int at = 0;
        while (placeholder.find()) {
            name.append(plainEnvironmentName(property.substring(at, placeholder.start())));
            name.append('<').append(placeholder.group(1).toUpperCase(Locale.ROOT)).append('>');
            at = placeholder.end();
        }
        return name.append(plainEnvironmentName(property.substring(at))).toString();
    }

    private static String plainEnvironmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String normalised(String row) {
        return row.replaceAll("\\s+", " ").trim();
    }

    private static Map<String, String> ourRows(List<String> lines) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher row = OUR_ROW.matcher(line);
            if (row.find() && rows.put(row.group(1), line) != null) {
                fail(DOC + " has two rows for " + row.group(1));
            }
        }
        return rows;
    }

    /** The doc with every row of ours as the Javadoc says it, new ones after their neighbour, gone ones removed. */
    private static List<String> rewritten(List<String> lines, List<Property> mapped) {
        Map<String, Property> byName = new LinkedHashMap<>();
        mapped.forEach(property -> byName.put(property.name(), property));
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            Matcher row = OUR_ROW.matcher(line);
            if (!row.find()) {
                result.add(line);
            } else if (byName.containsKey(row.group(1))) {
                result.add(byName.get(row.group(1)).row());
            }
        }
        String previous = null;
        for (Property property : mapped) {
            if (!ourRows(result).containsKey(property.name())) {
                int at = result.size();
                if (previous != null) {
                    at = result.indexOf(byName.get(previous).row()) + 1;
                }
                result.add(at, property.row());
            }
            previous = property.name();
        }
        return result;
    }

    /** Reads the {@code @ConfigMapping} interfaces of {@link #SOURCES} into their properties, in declaration order. */
    static final class MappingReader {

        private final Map<String, Declared> types = new LinkedHashMap<>();
        private DocTrees trees;

        /** A class or interface of our sources, by its qualified name. */
        private record Declared(ClassTree tree, TreePath path, CompilationUnitTree unit, String qualifiedName) {

            boolean isInterface() {
                return tree.getKind() == Tree.Kind.INTERFACE;
            }
        }

        List<Property> read() throws IOException {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertNotNull(javac, "the tests need a JDK: its compiler reads the @ConfigMapping sources");
            List<Path> files = new ArrayList<>();
            for (Path root : SOURCES) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(path -> path.toString().endsWith(".java")).sorted().forEach(files::add);
                }
            }
            try (StandardJavaFileManager manager = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
                JavacTask task = (JavacTask) javac.getTask(null, manager, null, List.of("-proc:none"), null,
                        manager.getJavaFileObjectsFromPaths(files));
                trees = DocTrees.instance(task);
                for (CompilationUnitTree unit : task.parse()) {
                    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                    for (Tree type : unit.getTypeDecls()) {
                        if (type instanceof ClassTree declared) {
                            collect(declared, new TreePath(new TreePath(unit), declared), unit, pkg);
                        }
                    }
                }
            }
            List<Property> properties = new ArrayList<>();
            types.values().stream().filter(type -> annotation(type.tree().getModifiers().getAnnotations(), "ConfigMapping") != null)
                    .sorted(Comparator.comparing((Declared type) -> prefix(type)).thenComparing(Declared::qualifiedName))
                    .forEach(type -> group(type, prefix(type), properties));
            Set<String> seen = new java.util.HashSet<>();
            properties.forEach(property -> assertTrue(seen.add(property.name()), "mapped twice: " + property.name()));
            assertFalse(properties.isEmpty(), "no @ConfigMapping interface found under " + SOURCES);
            return properties;
        }

        private void collect(ClassTree tree, TreePath path, CompilationUnitTree unit, String name) {
            String qualified = (name.isEmpty() ? "" : name + ".") + tree.getSimpleName();
            types.put(qualified, new Declared(tree, path, unit, qualified));
            for (Tree member : tree.getMembers()) {
                if (member instanceof ClassTree nested) {
                    collect(nested, new TreePath(path, nested), unit, qualified);
                }
            }
        }

        private static String prefix(Declared type) {
            return stringValue(annotation(type.tree().getModifiers().getAnnotations(), "ConfigMapping"), "prefix");
        }

        /** The properties of a group (an interface) under {@code prefix}. */
        private void group(Declared type, String prefix, List<Property> properties) {
            for (Tree member : type.tree().getMembers()) {
                if (!(member instanceof MethodTree method) || method.getBody() != null || !method.getParameters().isEmpty()
                        || method.getModifiers().getFlags().contains(Modifier.STATIC)
                        || method.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
                    continue;
                }
                List<? extends AnnotationTree> annotations = method.getModifiers().getAnnotations();
                AnnotationTree withName = annotation(annotations, "WithName");
                String name = annotation(annotations, "WithParentName") != null ? prefix
                        : prefix + "." + (withName != null ? stringValue(withName, "value") : kebab(method.getName().toString()));
                TreePath path = new TreePath(type.path(), method);
                String source = type.qualifiedName().replaceFirst("^.*?\\.(?=[A-Z])", "") + "." + method.getName() + "()";
                property(type, path, method, method.getReturnType(), name, false, properties, source);
            }
        }

        private void property(Declared owner, TreePath path, MethodTree method, Tree returned, String name, boolean optional,
                List<Property> properties, String source) {
            String raw = rawName(returned);
            if (raw.equals("Optional") && returned instanceof ParameterizedTypeTree generic) {
                property(owner, path, method, generic.getTypeArguments().get(0), name, true, properties, source);
                return;
            }
            if (raw.equals("Map") && returned instanceof ParameterizedTypeTree generic) {
                Declared values = resolve(owner, generic.getTypeArguments().get(1));
                String placeholder = placeholder(path);
                if (values != null && values.isInterface()) {
                    group(values, name + "." + placeholder, properties);
                } else {
                    properties.add(leaf(path, method, name + "." + placeholder, optional, source));
                }
                return;
            }
            if ((raw.equals("List") || raw.equals("Set")) && returned instanceof ParameterizedTypeTree generic) {
                Declared elements = resolve(owner, generic.getTypeArguments().get(0));
                assertFalse(elements != null && elements.isInterface(), "a list of groups is not read yet: " + source);
            } else {
                Declared group = resolve(owner, returned);
                if (group != null && group.isInterface()) {
                    group(group, name, properties);
                    return;
                }
            }
            properties.add(leaf(path, method, name, optional || raw.startsWith("Optional"), source));
        }

        private Property leaf(TreePath path, MethodTree method, String name, boolean optional, String source) {
            AnnotationTree withDefault = annotation(method.getModifiers().getAnnotations(), "WithDefault");
            String defaultValue = withDefault != null ? "`" + stringValue(withDefault, "value") + "`" : optional ? "—" : "required";
            DocCommentTree comment = trees.getDocCommentTree(path);
            return new Property(name, defaultValue, comment == null ? "" : rendered(comment.getFullBody()), source);
        }

        /** How a map's key is written: the first {@code <word>} of the map method's Javadoc, else {@code <name>}. */
        private String placeholder(TreePath path) {
            String comment = trees.getDocComment(path);
            Matcher word = PLACEHOLDER.matcher(comment == null ? "" : comment);
            return word.find() ? word.group() : "<name>";
        }

        /** Our interface or class a type names, seen from {@code owner}: nested, same package, or imported. */
        private Declared resolve(Declared owner, Tree type) {
            String name = type.toString().replaceAll("<.*", "");
            if (!Character.isUpperCase(name.charAt(0))) {
                return types.get(name);
            }
            for (String scope = owner.qualifiedName(); scope.contains("."); scope = scope.substring(0, scope.lastIndexOf('.'))) {
                if (types.containsKey(scope + "." + name)) {
                    return types.get(scope + "." + name);
                }
            }
            for (ImportTree imported : owner.unit().getImports()) {
                String target = imported.getQualifiedIdentifier().toString();
                String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                if (target.endsWith("." + first)) {
                    return types.get(target + name.substring(first.length()));
                }
            }
            return null;
        }

        private static String rawName(Tree type) {
            String name = (type instanceof ParameterizedTypeTree generic ? generic.getType() : type).toString();
            return name.substring(name.lastIndexOf('.') + 1);
        }

        private static AnnotationTree annotation(List<? extends AnnotationTree> annotations, String simpleName) {
            for (AnnotationTree annotation : annotations) {
                String name = annotation.getAnnotationType().toString();
                if (name.equals(simpleName) || name.endsWith("." + simpleName)) {
                    return annotation;
                }
            }
            return null;
        }

        private static String stringValue(AnnotationTree annotation, String attribute) {
            for (ExpressionTree argument : annotation.getArguments()) {
                ExpressionTree value = argument;
                if (argument instanceof AssignmentTree assignment) {
                    if (!assignment.getVariable().toString().equals(attribute)) {
                        continue;
                    }
                    value = assignment.getExpression();
                }
                if (value instanceof com.sun.source.tree.LiteralTree literal && literal.getKind() == Tree.Kind.STRING_LITERAL) {
                    return (String) literal.getValue();
                }
                fail("only a string literal is read as " + annotation + "'s " + attribute);
            }
            return fail("no " + attribute + " in " + annotation);
        }

        private static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Javadoc as a table cell: {@code {@code x}} as {@code `x`}, a link as its label or the simple name it links to,
     * paragraphs joined, whitespace normalised, {@code |} escaped.
     */
    static String rendered(List<? extends DocTree> body) {
        StringBuilder text = new StringBuilder();
        for (DocTree tree : body) {
            switch (tree.getKind()) {
                case TEXT -> text.append(((TextTree) tree).getBody());
                case CODE -> text.append('`').append(((LiteralTree) tree).getBody().getBody()).append('`');
                case LITERAL -> text.append(((LiteralTree) tree).getBody().getBody());
                case LINK, LINK_PLAIN -> {
                    LinkTree link = (LinkTree) tree;
                    text.append(link.getLabel().isEmpty() ? simpleName(link.getReference().getSignature()) : rendered(link.getLabel()));
                }
                case ENTITY -> text.append(switch (((EntityTree) tree).getName().toString()) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    default -> " ";
                });
                case START_ELEMENT, END_ELEMENT -> {
                    String element = (tree instanceof StartElementTree start ? start.getName() : ((EndElementTree) tree).getName()).toString();
                    assertTrue(Set.of("p", "em", "i", "b", "strong").contains(element.toLowerCase(Locale.ROOT)),
                            "<" + element + "> is not rendered in a configuration description");
                    text.append(element.equalsIgnoreCase("p") ? " " : "");
                }
                case ERRONEOUS -> text.append(((ErroneousTree) tree).getBody());
                default -> fail("{@" + tree.getKind() + "} is not rendered in a configuration description: " + tree);
            }
        }
        return text.toString().replaceAll("\\s+", " ").trim().replace("|", "\\|");
    }

    /** {@code a.b.C#m()} as {@code C.m()}, {@code #m()} as {@code m()}. */
    private static String simpleName(String signature) {
        String type = signature.contains("#") ? signature.substring(0, signature.indexOf('#')) : signature;
        String member = signature.contains("#") ? signature.substring(signature.indexOf('#') + 1) : "";
        type = type.substring(type.lastIndexOf('.') + 1);
        return type.isEmpty() ? member : member.isEmpty() ? type : type + "." + member;
    }
}
