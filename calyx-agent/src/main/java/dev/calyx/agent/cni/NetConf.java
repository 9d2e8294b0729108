package dev.calyx.agent.cni;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request configuration a plugin receives on stdin (one plugin object of the conflist with
 * cniVersion/name injected), with the calyx/Calico plugin fields calyx honours. Built by
 * {@link NetConfParser}; unknown keys are ignored but kept in {@code raw} for delegates.
 *
 * @param cniVersion       the negotiated spec version; results are written in it
 * @param name             network name (^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$)
 * @param type             plugin type ("calyx")
 * @param ipam             the ipam section, if any
 * @param mtu              pod interface MTU; 0 = auto (agent decides)
 * @param dns              the config's dns section (result-shaped), or none
 * @param runtimeConfig    runtime capability arguments (portMappings, bandwidth, ips…); empty if none
 * @param capabilities     the capabilities the plugin object declared
 * @param prevResult       the previous plugin's result (chaining; CHECK/DEL get the final ADD result)
 * @param nodename         Calico {@code nodename}, "" if unset
 * @param nodenameFile     Calico {@code nodename_file}, "" if unset
 * @param datastoreType    Calico {@code datastore_type}, "" if unset
 * @param logLevel         Calico {@code log_level}, "" if unset
 * @param logFilePath      Calico {@code log_file_path}, "" if unset
 * @param validAttachments GC only: {@code cni.dev/valid-attachments} (or the legacy
 *                         {@code cni.dev/attachments}); empty Optional when the key is absent (GC is
 *                         then a no-op), an empty list when null or [] (nothing is valid)
 * @param raw              the whole parsed object; treat as read-only
 */
public record NetConf(String cniVersion, String name, String type, Optional<IpamConf> ipam, int mtu,
                      CniResult.Dns dns, ObjectNode runtimeConfig, Map<String, Boolean> capabilities,
                      Optional<CniResult> prevResult, String nodename, String nodenameFile, String datastoreType,
                      String logLevel, String logFilePath, Optional<List<Attachment>> validAttachments,
                      ObjectNode raw) {
    public NetConf {
        capabilities = Map.copyOf(capabilities);
        validAttachments = validAttachments.map(List::copyOf);
    }

    /** Whether the plugin object declared a capability (runtimeConfig keys count only then). */
    public boolean hasCapability(String capability) {
        return Boolean.TRUE.equals(capabilities.get(capability));
    }

    /**
     * A runtime capability argument (portMappings, bandwidth, ips, mac…), present only when the plugin
     * object declared that capability: a runtimeConfig key for an undeclared capability is ignored (item 22).
     */
    public Optional<com.fasterxml.jackson.databind.JsonNode> runtimeConfigFor(String capability) {
        return hasCapability(capability) ? Optional.ofNullable(runtimeConfig.get(capability)) : Optional.empty();
    }

    /**
     * The ipam section: {@code type} is {@code calyx-ipam} (served in-process) or a delegate binary
     * such as {@code host-local}; the Calico keys calyx reads are parsed, the rest stays in raw.
     */
    public record IpamConf(String type, String subnet, boolean assignIpv4, boolean assignIpv6,
                           List<String> ipv4Pools, List<String> ipv6Pools, ObjectNode raw) {
        public static final String CALYX_IPAM = "calyx-ipam";

        public IpamConf {
            ipv4Pools = List.copyOf(ipv4Pools);
            ipv6Pools = List.copyOf(ipv6Pools);
        }

        public boolean isDelegated() {
            return !type.equals(CALYX_IPAM);
        }
    }

    /** One still-valid attachment named by GC. */
    public record Attachment(String containerId, String ifName) {
    }
}
