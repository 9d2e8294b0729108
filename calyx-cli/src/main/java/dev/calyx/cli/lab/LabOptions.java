package dev.calyx.cli.lab;

import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.lab.LabConfig;
import dev.calyx.lab.LabState;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every {@code calyx lab} command shares: which lab (prefix, state directory) and its pod range. */
public final class LabOptions {
    @Option(names = "--lab-prefix", paramLabel = "PREFIX", defaultValue = LabConfig.DEFAULT_PREFIX,
            description = "Prefix of every namespace of the lab (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/var/run/calyx-lab",
            description = "Where the lab keeps state.json and the server log (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--pod-cidr", paramLabel = "CIDR", defaultValue = "10.99.0.0/16",
            description = "IPv4 /16 for pod addresses, node i gets x.y.i.0/24 (default: ${DEFAULT-VALUE}).")
    String podCidr;

    LabConfig config() {
        IpPrefix range;
        try {
            range = IpPrefix.parse(podCidr);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--pod-cidr '" + podCidr + "': " + e.getMessage(), e);
        }
        return new LabConfig(prefix, stateDir, range, LabConfig.defaults().underlayRange());
    }

    /** The running lab's state, or an error telling the user to bring one up. */
    LabState requireState() {
        LabConfig c = config();
        return LabState.load(c.stateFile()).orElseThrow(() -> new IllegalStateException(
                "no lab is up (no " + c.stateFile() + "): run 'calyx lab up --model FILE' first"));
    }
}
