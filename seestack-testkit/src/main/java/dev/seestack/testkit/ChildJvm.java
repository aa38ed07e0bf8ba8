package dev.seestack.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application's {@code main} run in a child JVM on the test's classpath, its stdout and stderr in a temporary
 * file, for tests of what happens when the process starts new, is terminated or is killed: {@link #terminate}
 * sends SIGTERM (on Linux, {@code Process.destroy()}), so the JVM's shutdown hooks run; {@link #kill} sends
 * SIGKILL, so nothing runs. Output lines and {@link #tell stdin lines} are the protocol with the test.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code main} with {@code args}. */
    public static ChildJvm start(Class<?> main, String... args) {
        return start(List.of(), main, args);
    }

    /** Starts {@code main} with {@code args} and these JVM options ({@code -Dname=value}, ...) before it. */
    public static ChildJvm start(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("seestack-child-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            return new ChildJvm(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to {@code timeout} for an output line starting with {@code prefix}; returns the rest, stripped. */
    public String awaitLine(Duration timeout, String prefix) {
        String line = PollUntil.awaitValue(timeout, () -> line(prefix), v -> v != null || !process.isAlive());
        if (line == null) {
            line = line(prefix);
        }
        if (line == null) {
            throw new AssertionError("the child JVM ended without a line starting with " + prefix + ":\n" + output());
        }
        return line;
    }

    /** The rest of the first output line starting with {@code prefix}, stripped; null when there is none. */
    public String line(String prefix) {
        for (String l : lines()) {
            if (l.startsWith(prefix)) {
                return l.substring(prefix.length()).strip();
            }
        }
        return null;
    }

    /** Every output line so far. */
    public List<String> lines() {
        try {
            return Files.readAllLines(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole output so far (for failure messages). */
    public String output() {
        return String.join("\n", lines());
    }

    /** Sends one line to the child's standard input. */
    public void tell(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM and waits up to {@code timeout} for the JVM to end; fails (with its output) if it does not. */
    public int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** SIGKILL: nothing runs in the child any more (no shutdown hook, no finally); waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Waits up to {@code timeout} for the JVM to end by itself; its exit code; fails (with its output) if not. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the child JVM did not end within " + timeout + "\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the child JVM", e);
        }
        return process.exitValue();
    }

    /** Kills the JVM if it still runs and deletes its output. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            // a temporary file left behind
        }
    }
}
