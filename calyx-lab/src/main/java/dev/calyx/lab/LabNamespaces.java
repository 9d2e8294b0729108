package dev.calyx.lab;

import dev.calyx.dataplane.endpoint.VethNames;
import dev.calyx.kernel.netns.Netns;

import java.util.List;

/** The names of everything a lab creates, all derived from its prefix so that ownership is visible and sweepable. */
public final class LabNamespaces {
    private LabNamespaces() {}

    public static String underlay(String prefix) {
        return prefix + "underlay";
    }

    public static String node(String prefix, int index) {
        return prefix + "node" + index;
    }

    public static String pod(String prefix, PodRef ref) {
        return prefix + "pod-" + ref.namespace() + "-" + ref.name();
    }

    /** Calico's host-side veth name for the pod ({@code cali} + 11 hex digits of a hash of namespace.pod). */
    public static String hostInterface(PodRef ref) {
        return VethNames.forPod(ref.namespace(), ref.name());
    }

    /** Every existing netns whose name starts with {@code prefix}. */
    public static List<String> existing(String prefix) {
        return Netns.list().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /** Deletes every netns whose name starts with {@code prefix}; returns the names removed. */
    public static List<String> removeAll(String prefix) {
        List<String> names = existing(prefix);
        names.forEach(Netns::delete);
        return names;
    }
}
