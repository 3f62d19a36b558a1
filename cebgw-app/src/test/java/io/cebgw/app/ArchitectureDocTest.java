package io.cebgw.app;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
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

import static org.assertj.core.api.Assertions.assertThat;

/** docs/architecture.md's module table is the build: every module of the parent pom, each with its module dependencies. */
class ArchitectureDocTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile("^\\| `(cebgw-[a-z0-9-]+)` \\|.*\\| ([^|]*) \\|$");

    @Test
    void theModuleTableNamesEveryModuleAndItsDependencies() throws Exception {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/architecture.md"), StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String modulesPart = m.group(2).split("·")[0];
                Set<String> deps = new TreeSet<>();
                for (String word : modulesPart.split(",")) {
                    String w = word.strip();
                    if (!w.isEmpty()) {
                        deps.add("cebgw-" + w);
                    }
                }
                documented.put(m.group(1), deps);
            }
        }
        Map<String, Set<String>> built = new TreeMap<>();
        for (String module : childElements(parse(ROOT.resolve("pom.xml")), "modules")) {
            built.put(module, moduleDependencies(parse(ROOT.resolve(module).resolve("pom.xml"))));
        }
        assertThat(documented).isEqualTo(built);
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> childElements(Document pom, String container) {
        List<String> out = new ArrayList<>();
        NodeList lists = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < lists.getLength(); i++) {
            if (lists.item(i) instanceof Element e && e.getTagName().equals(container)) {
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child) {
                        out.add(child.getTextContent().strip());
                    }
                }
            }
        }
        return out;
    }

    /** The project's own modules this one depends on at compile or run time (test dependencies left out). */
    private static Set<String> moduleDependencies(Document pom) {
        Set<String> out = new TreeSet<>();
        NodeList top = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < top.getLength(); i++) {
            if (top.item(i) instanceof Element deps && deps.getTagName().equals("dependencies")) {
                for (Node n = deps.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element d) {
                        String artifact = text(d, "artifactId");
                        String scope = text(d, "scope");
                        if (artifact.startsWith("cebgw-") && (scope.isEmpty() || scope.equals("compile") || scope.equals("runtime"))) {
                            out.add(artifact);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }
}
