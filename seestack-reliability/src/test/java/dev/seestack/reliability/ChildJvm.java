package dev.seestack.reliability;

import dev.seestack.testkit.PollUntil;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A child JVM on the test classpath: its output goes to a file the test polls for marker lines. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        return start(List.of(), main, args);
    }

    /** A child with these JVM options ({@code -Dname=value}, ...) before the main class. */
    static ChildJvm start(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        Path output = Files.createTempFile("seestack-reliability-child-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(main.getName());
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        return new ChildJvm(process, output);
    }

    /** Waits for a stdout line starting with {@code marker} and returns it. */
    String awaitLine(String marker, Duration timeout) {
        PollUntil.await(timeout, "child line " + marker + " (output: " + outputTail() + ")",
                () -> line(marker).isPresent() || !process.isAlive());
        return line(marker).orElseThrow(() -> new AssertionError("the child ended without " + marker + ": "
                + output()));
    }

    /** Sends one line to the child's stdin. */
    void tell(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** {@code kill -9}: SIGKILL on Unix, nothing runs in the child any more (no shutdown hook, no finally). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child JVM did not end: " + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private String outputTail() {
        String all = output();
        return all.length() > 2000 ? all.substring(all.length() - 2000) : all;
    }

    private Optional<String> line(String marker) {
        return output().lines().filter(l -> l.startsWith(marker)).findFirst();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(output);
    }
}
