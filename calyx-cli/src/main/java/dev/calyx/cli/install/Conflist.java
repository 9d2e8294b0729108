package dev.calyx.cli.install;

/**
 * The {@code 10-calyx.conflist} calyx installs: Calico's shipped conflist (calico.md §1.1) adapted to a host
 * with a node agent.
 *
 * <p>Design: cniVersion 1.0.0 because podman 4 validates the version against every plugin and tops out at
 * 1.0.0. Calico's {@code nodename}, {@code datastore_type} and {@code kubernetes} keys are left out: the shim
 * forwards to the agent, which knows its node and datastore, so the file is the same on every host. {@code mtu}
 * 0 means the agent derives it from the host (HostMtu). No portmap entry: Debian's portmap needs iptables,
 * which this host layout does not guarantee, and a failing chained plugin would fail every ADD.
 */
public final class Conflist {
    public static final String NETWORK_NAME = "calyx";
    public static final String CNI_VERSION = "1.0.0";

    private Conflist() {}

    public static String render(String logFile, int mtu) {
        if (mtu < 0) {
            throw new IllegalArgumentException("mtu: " + mtu + " is negative (0 means auto)");
        }
        return """
                {
                  "name": "%s",
                  "cniVersion": "%s",
                  "plugins": [
                    {
                      "type": "%s",
                      "log_level": "info",
                      "log_file_path": "%s",
                      "mtu": %d,
                      "ipam": { "type": "calyx-ipam" }
                    }
                  ]
                }
                """.formatted(NETWORK_NAME, CNI_VERSION, HostLayout.PLUGIN_NAME, logFile, mtu);
    }
}
