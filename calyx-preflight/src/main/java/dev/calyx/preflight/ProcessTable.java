package dev.calyx.preflight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds running daemons by {@code /proc/PID/comm}. Works without systemd or D-Bus (containers, minimal hosts), and
 * under an injected {@code /proc} tests can fake a running NetworkManager with one file.
 */
final class ProcessTable {
    private ProcessTable() {}

    /** PIDs whose comm is exactly {@code comm}. */
    static List<Long> pidsOf(Path proc, String comm) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> s = Files.list(proc)) {
            for (Path p : s.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                if (HostFiles.firstLine(p.resolve("comm")).filter(comm::equals).isPresent()) {
                    pids.add(Long.parseLong(p.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return pids;
    }

    /**
     * Whether a systemd unit is active: systemd keeps {@code /run/systemd/units/invocation:UNIT} for every unit
     * that is running, a file-level answer that needs no D-Bus.
     */
    static boolean systemdUnitActive(Path run, String unit) {
        return Files.exists(run.resolve("systemd/units/invocation:" + unit), LinkOption.NOFOLLOW_LINKS);
    }

    /** How a daemon was seen running, or empty: a process by comm, else its systemd unit. */
    static String howRunning(Path proc, Path run, String comm, String unit) {
        List<Long> pids = pidsOf(proc, comm);
        if (!pids.isEmpty()) {
            return "process " + comm + " (pid " + pids.getFirst() + ")";
        }
        if (systemdUnitActive(run, unit)) {
            return "systemd unit " + unit + " active";
        }
        return "";
    }
}
