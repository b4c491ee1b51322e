package dev.penguinmails.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;

/**
 * The build runs modules in parallel (decision 0074): a module that reads function jars from disk must name every
 * function module as a dependency, or Maven may run its tests before a jar exists.
 */
class ReactorOrderTest {

    private final Path root = RepositoryLayout.locate().root();

    @Test
    void modulesThatReadFunctionJarsDependOnEveryFunctionModule() throws Exception {
        List<String> functionModules = new ArrayList<>();
        for (FunctionSpec function : PenguinMailsTopology.define().functions()) {
            functionModules.add(artifactId(read(root.resolve(function.moduleDirectory()).resolve("pom.xml"))));
        }
        functionModules.add(artifactId(read(root.resolve("local-stack/reference-function/pom.xml"))));
        assertThat(functionModules).hasSizeGreaterThan(2);

        for (String reader : List.of("local-stack/pom.xml", "infrastructure-cdk/pom.xml")) {
            assertThat(dependencies(read(root.resolve(reader))))
                    .as("function modules named in <dependencies> of %s", reader)
                    .containsAll(functionModules);
        }
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String artifactId(Document pom) {
        return child(pom.getDocumentElement(), "artifactId");
    }

    /** The artifact ids of the project's own dependencies (not its dependencyManagement). */
    private static List<String> dependencies(Document pom) {
        List<String> ids = new ArrayList<>();
        NodeList sections = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < sections.getLength(); i++) {
            if (sections.item(i) instanceof Element section && section.getTagName().equals("dependencies")) {
                NodeList deps = section.getElementsByTagName("dependency");
                for (int j = 0; j < deps.getLength(); j++) {
                    ids.add(child((Element) deps.item(j), "artifactId"));
                }
            }
        }
        return ids;
    }

    private static String child(Element element, String tag) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().trim();
            }
        }
        throw new IllegalStateException("no <" + tag + "> in <" + element.getTagName() + ">");
    }
}
