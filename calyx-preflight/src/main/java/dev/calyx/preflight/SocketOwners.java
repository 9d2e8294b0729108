package dev.calyx.preflight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who listens on a TCP port, from {@code /proc/net/tcp{,6}} (LISTEN sockets, state 0A, and their inodes) and the
 * {@code socket:[inode]} links under {@code /proc/PID/fd}: the same answer {@code ss -ltnp} gives, without
 * depending on it being installed.
 */
final class SocketOwners {
    private static final String LISTEN = "0A";

    private SocketOwners() {}

    /** "pid 1234 (etcd)", or empty when the owner cannot be seen (another user's process, no /proc). */
    static String listenerOf(Path proc, int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            HostFiles.read(proc.resolve(table)).orElse("").lines().skip(1).forEach(line -> {
                String[] f = line.strip().split("\\s+");
                if (f.length > 9 && f[3].equals(LISTEN) && f[1].endsWith(":" + String.format("%04X", port))) {
                    inodes.add(f[9]);
                }
            });
        }
        if (inodes.isEmpty()) {
            return "";
        }
        try (Stream<Path> pids = Files.list(proc)) {
            for (Path pid : pids.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                if (holdsAny(pid.resolve("fd"), inodes)) {
                    return "pid " + pid.getFileName() + " (" + HostFiles.firstLine(pid.resolve("comm")).orElse("?")
                            + ")";
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private static boolean holdsAny(Path fdDir, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(fdDir)) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // fd closed meanwhile, or not a link: not ours to report
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
