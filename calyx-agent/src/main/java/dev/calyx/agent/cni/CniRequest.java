package dev.calyx.agent.cni;

import java.util.List;
import java.util.Map;

/**
 * One validated CNI invocation as the handler sees it. containerId, netns and ifName are "" for
 * GC/STATUS (which do not carry them) and netns may be "" on DEL (the netns is already gone).
 *
 * @param command     ADD, DEL, CHECK, STATUS or GC
 * @param containerId CNI_CONTAINERID
 * @param netns       CNI_NETNS, a path from the host's view (/var/run/netns/…, /proc/PID/ns/net)
 * @param ifName      CNI_IFNAME, the interface to create inside the container
 * @param args        CNI_ARGS, parsed
 * @param cniPath     CNI_PATH split on ':' (where delegate plugins are looked up)
 * @param conf        the parsed request configuration
 * @param stdin       the raw stdin bytes, to hand to delegates unchanged
 * @param env         the CNI_* variables as the shim forwarded them (delegates get exactly these)
 * @param diagnostics the invocation's stderr
 */
public record CniRequest(String command, String containerId, String netns, String ifName, CniArgs args,
                         List<String> cniPath, NetConf conf, byte[] stdin, Map<String, String> env,
                         CniDiagnostics diagnostics) {
    public CniRequest {
        cniPath = List.copyOf(cniPath);
        env = Map.copyOf(env);
    }
}
