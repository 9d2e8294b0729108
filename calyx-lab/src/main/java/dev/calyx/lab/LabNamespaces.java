package dev.calyx.lab;

import dev.calyx.kernel.netns.Netns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** Calico's host-side veth name: {@code cali} + the first 11 hex digits of SHA-1 of {@code namespace.pod}. */
    public static String hostInterface(PodRef ref) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((ref.namespace() + "." + ref.name()).getBytes(StandardCharsets.UTF_8));
            return "cali" + HexFormat.of().formatHex(digest).substring(0, 11);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
