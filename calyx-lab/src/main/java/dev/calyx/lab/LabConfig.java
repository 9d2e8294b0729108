package dev.calyx.lab;

import dev.calyx.kernel.netlink.IpPrefix;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a lab lives: the prefix of every namespace it creates, the directory of its state file, and the two address
 * ranges it uses inside its namespaces.
 *
 * @param prefix        every netns the lab creates starts with it ({@code calyx-lab-}); {@code lab down} removes
 *                      every netns with this prefix, orphans of a crashed lab included
 * @param stateDir      holds {@code state.json} and the server daemon's log
 * @param podRange      a /16: node {@code i}'s pods get {@code <range>.i.2}, {@code .3}, ... as /32s
 * @param underlayRange a /16: node {@code i}'s link to the underlay router is {@code <range>.i.0/24}
 */
public record LabConfig(String prefix, Path stateDir, IpPrefix podRange, IpPrefix underlayRange) {
    public static final String DEFAULT_PREFIX = "calyx-lab-";
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/run/calyx-lab");

    public LabConfig {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(stateDir, "stateDir");
        if (!prefix.startsWith("calyx-lab-") || prefix.length() > 40 || prefix.contains("/")) {
            throw new IllegalArgumentException("lab prefix '" + prefix
                    + "': must start with calyx-lab-, at most 40 characters, no '/'");
        }
        requireSlash16(podRange, "pod range");
        requireSlash16(underlayRange, "underlay range");
        if (podRange.network().equals(underlayRange.network())) {
            throw new IllegalArgumentException("pod range and underlay range are both " + podRange);
        }
    }

    private static void requireSlash16(IpPrefix range, String what) {
        Objects.requireNonNull(range, what);
        if (range.length() != 16 || range.address().getAddress().length != 4 || !range.isNetwork()) {
            throw new IllegalArgumentException(what + " " + range + ": want an IPv4 /16 network, e.g. 10.99.0.0/16");
        }
    }

    public static LabConfig defaults() {
        return new LabConfig(DEFAULT_PREFIX, DEFAULT_STATE_DIR, IpPrefix.parse("10.99.0.0/16"),
                IpPrefix.parse("10.98.0.0/16"));
    }

    public LabConfig withPodRange(IpPrefix range) {
        return new LabConfig(prefix, stateDir, range, underlayRange);
    }

    public Path stateFile() {
        return stateDir.resolve("state.json");
    }
}
