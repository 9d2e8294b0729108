package dev.calyx.cli.install;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Every host path calyx installs into or keeps state under, injectable so tests run install and uninstall against a
 * temporary directory. {@link #under(Path)} keeps the host's layout below a root.
 *
 * @param cniBinDirs   where the {@code calyx} plugin executable goes: podman looks in /usr/lib/cni, kubelet and
 *                     containerd in /opt/cni/bin, so both by default
 * @param cniConfDir   the conflist directory
 * @param shimDir      the shim build (jlink runtime, jar, AOT cache, wrapper)
 * @param stateDir     /var/lib/calyx: datastore, DEL queue, the install manifest
 * @param runDir       /var/run/calyx: agent socket and PID file
 * @param logDir       /var/log/calyx
 * @param nmConfDir    NetworkManager's conf.d (the unmanaged-devices file goes there when NetworkManager exists)
 */
public record HostLayout(List<Path> cniBinDirs, Path cniConfDir, Path shimDir, Path stateDir, Path runDir,
                         Path logDir, Path nmConfDir) {
    public static final String PLUGIN_NAME = "calyx";
    public static final String CONFLIST_NAME = "10-calyx.conflist";
    public static final String NM_FILE_NAME = "calyx.conf";

    public HostLayout {
        cniBinDirs = List.copyOf(cniBinDirs);
        if (cniBinDirs.isEmpty()) {
            throw new IllegalArgumentException("cniBinDirs: at least one CNI plugin directory is needed");
        }
        Objects.requireNonNull(cniConfDir, "cniConfDir");
        Objects.requireNonNull(shimDir, "shimDir");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(nmConfDir, "nmConfDir");
    }

    public static HostLayout host() {
        return under(Path.of("/"));
    }

    /** The host's layout below {@code root}: root/usr/lib/cni, root/etc/cni/net.d, root/var/lib/calyx... */
    public static HostLayout under(Path root) {
        return new HostLayout(List.of(root.resolve("usr/lib/cni"), root.resolve("opt/cni/bin")),
                root.resolve("etc/cni/net.d"), root.resolve("opt/calyx/cni"), root.resolve("var/lib/calyx"),
                root.resolve("var/run/calyx"), root.resolve("var/log/calyx"),
                root.resolve("etc/NetworkManager/conf.d"));
    }

    public HostLayout withCniBinDirs(List<Path> dirs) {
        return new HostLayout(dirs, cniConfDir, shimDir, stateDir, runDir, logDir, nmConfDir);
    }

    public HostLayout withCniConfDir(Path dir) {
        return new HostLayout(cniBinDirs, dir, shimDir, stateDir, runDir, logDir, nmConfDir);
    }

    public HostLayout withShimDir(Path dir) {
        return new HostLayout(cniBinDirs, cniConfDir, dir, stateDir, runDir, logDir, nmConfDir);
    }

    public Path conflist() {
        return cniConfDir.resolve(CONFLIST_NAME);
    }

    public Path manifest() {
        return stateDir.resolve("install-manifest.json");
    }

    public Path nmFile() {
        return nmConfDir.resolve(NM_FILE_NAME);
    }

    /** NetworkManager counts as present when its configuration directory exists. */
    public boolean networkManagerPresent() {
        return java.nio.file.Files.isDirectory(nmConfDir.getParent());
    }

    public Path cniSocket() {
        return runDir.resolve("cni.sock");
    }

    public Path delQueue() {
        return stateDir.resolve("cni-queue");
    }

    public Path agentPidFile() {
        return runDir.resolve("agent.pid");
    }

    public Path agentLog() {
        return logDir.resolve("agent.log");
    }

    public Path datastore() {
        return stateDir.resolve("calyx.db");
    }
}
