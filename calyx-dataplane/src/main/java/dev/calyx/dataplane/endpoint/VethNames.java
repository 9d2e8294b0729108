package dev.calyx.dataplane.endpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The names calyx gives host-side kernel objects, exactly as Calico names them, so that tools and host configs written
 * for Calico (NetworkManager's "unmanaged cali*", firewall rules on {@code cali+}) keep working.
 *
 * <p>Host veth of a Kubernetes pod: {@code prefix + hex(sha1(namespace + "." + pod))[:11]}
 * ({@code VethNameForWorkload} in libcalico-go); 4 + 11 = 15 characters, the kernel's limit (IFNAMSIZ - 1).
 * Host veth of any other orchestrator (podman, plain CNI): {@code "cali" + containerId[:11]} (Calico's plugin.go).
 *
 * <p>Every prefix calyx owns is a constant here so ownership checks ("is this link ours?") have one source.
 */
public final class VethNames {
    /** Host side of every workload veth (Felix's default {@code interfacePrefix}). */
    public static final String WORKLOAD_PREFIX = "cali";
    /** The IPv4 VXLAN device (VNI 4096, UDP 4789). */
    public static final String VXLAN_DEVICE = "vxlan.calico";
    /** The IPv6 VXLAN device. */
    public static final String VXLAN_V6_DEVICE = "vxlan-v6.calico";
    /** The IPIP tunnel device. */
    public static final String IPIP_DEVICE = "tunl0";
    /** The WireGuard device (v4). */
    public static final String WIREGUARD_DEVICE = "wireguard.cali";
    /** The WireGuard device (v6). */
    public static final String WIREGUARD_V6_DEVICE = "wg-v6.cali";

    private static final int HASH_CHARS = 11;

    private VethNames() {}

    /** Host veth name of Kubernetes pod {@code namespace/pod}: {@code cali} + 11 hex of sha1("ns.pod"). */
    public static String forPod(String namespace, String pod) {
        return forPod(WORKLOAD_PREFIX, namespace, pod);
    }

    /**
     * With another interface prefix (the first entry of Felix's {@code interfacePrefix}, e.g. "eni" on EKS). The
     * prefix is 1-4 characters: a longer one would pass the kernel's 15-character limit.
     */
    public static String forPod(String prefix, String namespace, String pod) {
        requirePrefix(prefix);
        requireText("namespace", namespace);
        requireText("pod", pod);
        String hash = HexFormat.of().formatHex(sha1(namespace + "." + pod));
        return prefix + hash.substring(0, HASH_CHARS);
    }

    /** Host veth name for a workload of another orchestrator: {@code cali} + the first 11 characters of its ID. */
    public static String forContainer(String containerId) {
        requireText("container ID", containerId);
        return WORKLOAD_PREFIX + containerId.substring(0, Math.min(HASH_CHARS, containerId.length()));
    }

    /** Whether {@code linkName} is a host-side workload veth name (calyx's or Calico's). */
    public static boolean isWorkloadVeth(String linkName) {
        return linkName.startsWith(WORKLOAD_PREFIX) && linkName.length() > WORKLOAD_PREFIX.length();
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JDK", e);
        }
    }

    private static void requirePrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || prefix.length() > 4) {
            throw new IllegalArgumentException("interface prefix '" + prefix + "': 1-4 characters (4 + 11 = 15)");
        }
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
