package dev.calyx.preflight;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a preflight run is asked to verify, and where it looks. Immutable; the {@code with*} methods return
 * changed copies so the CLI and tests state only what differs from the defaults.
 *
 * @param mode         the inter-host mode the user plans to run
 * @param wireguard    whether WireGuard encryption is planned (then a missing WireGuard is a FAIL)
 * @param pools        pools named on the command line (datastore pools are added by the pool check)
 * @param serviceCidr  the Kubernetes service CIDR, if any
 * @param datastore    a {@code DatastoreConfig} spec ({@code etcd:http://h:2379}), if any
 * @param paths        host files to read
 * @param hostNetns    read addresses, routes, links and nft tables from this named netns instead of the root one
 *                     (tests create one; empty = the host)
 * @param ports        ports to try binding; empty = the defaults for the mode
 * @param searchPath   where to look for {@code bird}/{@code birdc}
 * @param timeout      per network call or command
 */
public record PreflightContext(Mode mode, boolean wireguard, List<IpPrefix> pools, Optional<IpPrefix> serviceCidr,
                               Optional<String> datastore, HostPaths paths, Optional<String> hostNetns,
                               List<PortNeed> ports, List<Path> searchPath, Duration timeout) {
    public static final IpPrefix DEFAULT_POOL = IpPrefix.parse("10.244.0.0/16");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public PreflightContext {
        Objects.requireNonNull(mode, "mode");
        pools = List.copyOf(pools);
        Objects.requireNonNull(serviceCidr, "serviceCidr");
        Objects.requireNonNull(datastore, "datastore");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(hostNetns, "hostNetns");
        ports = List.copyOf(ports);
        searchPath = List.copyOf(searchPath);
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Defaults for the real host: no pools given, no datastore, the mode's ports, $PATH. */
    public static PreflightContext forHost(Mode mode) {
        return new PreflightContext(mode, false, List.of(), Optional.empty(), Optional.empty(), HostPaths.host(),
                Optional.empty(), List.of(), systemPath(), DEFAULT_TIMEOUT);
    }

    static List<Path> systemPath() {
        List<Path> dirs = new ArrayList<>();
        String env = System.getenv("PATH");
        for (String d : (env == null ? "" : env).split(":")) {
            if (!d.isBlank()) {
                dirs.add(Path.of(d));
            }
        }
        for (String d : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            if (!dirs.contains(Path.of(d))) {
                dirs.add(Path.of(d));
            }
        }
        return dirs;
    }

    /** The ports to check: the ones given, else health and metrics, plus BGP in BGP mode. */
    public List<PortNeed> portsToCheck() {
        if (!ports.isEmpty()) {
            return ports;
        }
        return mode == Mode.BGP ? List.of(PortNeed.HEALTH, PortNeed.METRICS, PortNeed.BGP)
                : List.of(PortNeed.HEALTH, PortNeed.METRICS);
    }

    public PreflightContext withWireguard(boolean on) {
        return new PreflightContext(mode, on, pools, serviceCidr, datastore, paths, hostNetns, ports, searchPath,
                timeout);
    }

    public PreflightContext withPools(List<IpPrefix> p) {
        return new PreflightContext(mode, wireguard, p, serviceCidr, datastore, paths, hostNetns, ports, searchPath,
                timeout);
    }

    public PreflightContext withServiceCidr(IpPrefix s) {
        return new PreflightContext(mode, wireguard, pools, Optional.ofNullable(s), datastore, paths, hostNetns, ports,
                searchPath, timeout);
    }

    public PreflightContext withDatastore(String spec) {
        return new PreflightContext(mode, wireguard, pools, serviceCidr, Optional.ofNullable(spec), paths, hostNetns,
                ports, searchPath, timeout);
    }

    public PreflightContext withPaths(HostPaths p) {
        return new PreflightContext(mode, wireguard, pools, serviceCidr, datastore, p, hostNetns, ports, searchPath,
                timeout);
    }

    public PreflightContext withHostNetns(String netns) {
        return new PreflightContext(mode, wireguard, pools, serviceCidr, datastore, paths, Optional.ofNullable(netns),
                ports, searchPath, timeout);
    }

    public PreflightContext withPorts(List<PortNeed> p) {
        return new PreflightContext(mode, wireguard, pools, serviceCidr, datastore, paths, hostNetns, p, searchPath,
                timeout);
    }

    public PreflightContext withSearchPath(List<Path> p) {
        return new PreflightContext(mode, wireguard, pools, serviceCidr, datastore, paths, hostNetns, ports, p,
                timeout);
    }
}
