package dev.calyx.preflight;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The host files preflight reads, injectable so tests point every check at a temporary directory instead of the
 * real host.
 *
 * @param etc            {@code /etc} (ufw's config lives under it)
 * @param networkManager {@code /etc/NetworkManager}
 * @param cniConfDir     {@code /etc/cni/net.d}
 * @param proc           {@code /proc}
 * @param sys            {@code /sys}
 * @param run            {@code /run}
 */
public record HostPaths(Path etc, Path networkManager, Path cniConfDir, Path proc, Path sys, Path run) {
    public static final Path DEFAULT_CNI_CONF_DIR = Path.of("/etc/cni/net.d");

    public HostPaths {
        Objects.requireNonNull(etc, "etc");
        Objects.requireNonNull(networkManager, "networkManager");
        Objects.requireNonNull(cniConfDir, "cniConfDir");
        Objects.requireNonNull(proc, "proc");
        Objects.requireNonNull(sys, "sys");
        Objects.requireNonNull(run, "run");
    }

    /** The real host's paths. */
    public static HostPaths host() {
        return new HostPaths(Path.of("/etc"), Path.of("/etc/NetworkManager"), DEFAULT_CNI_CONF_DIR, Path.of("/proc"),
                Path.of("/sys"), Path.of("/run"));
    }

    /** The same layout under {@code root} ({@code root/etc/NetworkManager}, {@code root/proc}, ...): for tests. */
    public static HostPaths under(Path root) {
        return new HostPaths(root.resolve("etc"), root.resolve("etc/NetworkManager"), root.resolve("etc/cni/net.d"),
                root.resolve("proc"), root.resolve("sys"), root.resolve("run"));
    }

    public HostPaths withCniConfDir(Path dir) {
        return new HostPaths(etc, networkManager, dir, proc, sys, run);
    }
}
