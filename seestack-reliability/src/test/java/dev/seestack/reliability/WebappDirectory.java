package dev.seestack.reliability;

import dev.seestack.SeeStackClient;
import dev.seestack.servlet.jakarta.SeeStackServletFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * An exploded webapp on disk, as Tomcat deploys one: {@code WEB-INF/classes} with the given classes (each with its
 * nested classes) and, when asked, {@code WEB-INF/lib} with the webapp's own copy of the SDK (core and servlet
 * filter), which Tomcat's webapp class loader prefers to the container's.
 */
final class WebappDirectory {
    private WebappDirectory() {
    }

    /** Creates the webapp under {@code root}; {@code bundleSdk} puts the SDK jars (or class folders) inside it. */
    static Path create(Path root, boolean bundleSdk, Class<?>... webappClasses) {
        try {
            Path classes = Files.createDirectories(root.resolve("WEB-INF/classes"));
            for (Class<?> webappClass : webappClasses) {
                copyClass(webappClass, classes);
            }
            if (bundleSdk) {
                Path lib = Files.createDirectories(root.resolve("WEB-INF/lib"));
                copyCodeSource(SeeStackClient.class, classes, lib);
                copyCodeSource(SeeStackServletFilter.class, classes, lib);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyClass(Class<?> type, Path classes) throws IOException {
        Path source = location(type);
        String packagePath = type.getPackageName().replace('.', '/');
        Path target = Files.createDirectories(classes.resolve(packagePath));
        try (Stream<Path> files = Files.list(source.resolve(packagePath))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.equals(type.getSimpleName() + ".class") || name.startsWith(type.getSimpleName() + "$")) {
                    Files.copy(file, target.resolve(name));
                }
            }
        }
    }

    // the reactor hands modules over as jars (package, verify) or as class folders (test, an IDE)
    private static void copyCodeSource(Class<?> type, Path classes, Path lib) throws IOException {
        Path source = location(type);
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = classes.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (!Files.exists(target)) {
                        Files.copy(file, target);
                    }
                }
            }
        } else {
            Files.copy(source, lib.resolve(source.getFileName()));
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
