package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStackClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The packaged core jar carries its HTTP engine (Netty) relocated under {@code dev.seestack.internal.shaded}, so
 * an application's own Netty never meets it, and the POM users get lists no dependency. Runs on the jar this
 * module's tests use (the reactor's packaged jar); skipped when the core comes as a classes directory.
 */
class PackagedJarTest {
    private static Path jar;

    @BeforeAll
    static void findTheCoreJar() throws Exception {
        Path location = Path.of(SeeStackClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Assumptions.assumeTrue(Files.isRegularFile(location), "the core is not packaged here: " + location);
        jar = location;
    }

    private static List<String> entries() throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).collect(Collectors.toList());
        }
    }

    @Test
    void theEngineIsRelocatedInsideTheJarAndNoOriginalNettyClassIsLeft() throws Exception {
        List<String> entries = entries();
        assertEquals(List.of(), entries.stream().filter(n -> n.startsWith("io/netty/")).collect(Collectors.toList()));
        assertTrue(entries.contains("dev/seestack/internal/shaded/io/netty/channel/nio/NioEventLoopGroup.class"),
                "the relocated event loop is in " + jar);
        assertFalse(entries.stream().anyMatch(n -> n.startsWith("META-INF/native") || n.endsWith(".so")),
                "no native library");
    }

    @Test
    void theJarKeepsItsAutomaticModuleName() throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("dev.seestack.client", file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
        }
    }

    @Test
    void thePomUsersGetListsNoNettyDependency() throws Exception {
        File reduced = jar.resolveSibling("dependency-reduced-pom.xml").toFile();
        Path pom = reduced.isFile() ? reduced.toPath()
                : jar.resolveSibling(jar.getFileName().toString().replaceAll("\\.jar$", ".pom"));
        Assumptions.assumeTrue(Files.isRegularFile(pom), "no POM beside " + jar);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        List<String> dependencies = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element d = (Element) nodes.item(i);
            dependencies.add(text(d, "groupId") + ":" + text(d, "artifactId") + ":" + text(d, "scope"));
        }
        assertTrue(dependencies.stream().anyMatch(d -> d.startsWith("dev.seestack:seestack-testkit")),
                "the POM's dependencies were read: " + dependencies);
        assertEquals(List.of(), dependencies.stream().filter(d -> d.startsWith("io.netty")).collect(Collectors.toList()));
        assertEquals(List.of(), dependencies.stream().filter(d -> !d.endsWith(":test")).collect(Collectors.toList()),
                "users get no dependency");
    }

    private static String text(Element parent, String tag) {
        NodeList n = parent.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }
}
