package dev.calyx.preflight;

import java.util.List;

/**
 * A throwaway network namespace the kernel probes create their test objects in, so that probing never adds a
 * link, table or set to the host's own namespace. Closing it deletes the namespace and everything inside.
 */
public interface ScratchNetns extends AutoCloseable {
    /** The namespace's name (under /run/netns). */
    String name();

    /** Runs a tool inside the namespace. */
    Exec.Result exec(String stdin, List<String> argv);

    /**
     * Creates link {@code ifname} of {@code kind} with the kind's required attributes, then deletes it. Present
     * when the kernel accepted it; Missing when the kernel does not know the kind.
     */
    ProbeOutcome probeLink(String ifname, LinkKind kind);

    /** Deletes the namespace; never throws (a probe must not fail because cleanup did). */
    @Override
    void close();

    /** Link kinds the probes create, with the iproute2 arguments each needs. */
    enum LinkKind {
        VETH("veth", "peer", "name", "pfveth1"),
        VXLAN("vxlan", "id", "4096", "dstport", "4789"),
        IPIP("ipip"),
        WIREGUARD("wireguard");

        final String kind;
        final List<String> ipArgs;

        LinkKind(String kind, String... ipArgs) {
            this.kind = kind;
            this.ipArgs = List.of(ipArgs);
        }

        public String kind() {
            return kind;
        }
    }
}
