package dev.calyx.datastore.sqlite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running one of the test mains with the test class path, so that tests can use a store from another
 * process (and kill it). Its stdout is read line by line; stderr goes to a file for diagnosis.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Path stderr;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stderr = stderr;
    }

    static ChildJvm start(Path workDir, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                // a killed child cannot delete its copy of sqlite-jdbc's native library: put it in the test's dir
                "-Dorg.sqlite.tmpdir=" + workDir,
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path stderr = workDir.resolve(main.getSimpleName() + "-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildJvm(p, stderr);
    }

    /** The next stdout line, or null at end of stream (the child exited or was killed). */
    String readLine() throws IOException {
        return out.readLine();
    }

    long pid() {
        return process.pid();
    }

    /**
     * SIGKILL: the child gets no chance to flush, close or roll back anything. Sent through the process handle,
     * which (unlike {@link Process#destroyForcibly()}) leaves stdout open, so lines already written stay readable.
     */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int waitFor() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child " + process.pid() + " did not finish; stderr in " + stderr);
        }
        return process.exitValue();
    }

    Path stderr() {
        return stderr;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
