package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStackClient;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        assertFalse(text.contains("io.netty"), pom + " names Netty:\n" + text);
    }
}
