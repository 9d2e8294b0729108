package dev.calyx.model.validation;

import dev.calyx.model.BlockAffinity;
import dev.calyx.model.CalicoNodeStatus;
import dev.calyx.model.IPAMConfiguration;
import dev.calyx.model.KubeControllersConfiguration;

/** Singleton configuration kinds: KubeControllersConfiguration and IPAMConfiguration. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static void kubeControllers(Problems p, KubeControllersConfiguration kcc) {
        var s = kcc.spec();
        if (s == null) {
            return;
        }
        Checks.oneOf(p, "spec.logSeverityScreen", s.logSeverityScreen(), "Trace", "Debug", "Info", "Warning",
                "Error", "Fatal");
        Checks.oneOf(p, "spec.healthChecks", s.healthChecks(), "Enabled", "Disabled");
        Checks.duration(p, "spec.etcdV3CompactionPeriod", s.etcdV3CompactionPeriod());
        Checks.range(p, "spec.prometheusMetricsPort", s.prometheusMetricsPort(), 0, 65535);
        Checks.range(p, "spec.debugProfilePort", s.debugProfilePort(), 0, 65535);
        var c = s.controllers();
        if (c == null) {
            return;
        }
        if (c.node() != null) {
            Checks.duration(p, "spec.controllers.node.reconcilerPeriod", c.node().reconcilerPeriod());
            Checks.duration(p, "spec.controllers.node.leakGracePeriod", c.node().leakGracePeriod());
            Checks.oneOf(p, "spec.controllers.node.syncLabels", c.node().syncLabels(), "Enabled", "Disabled");
            if (c.node().hostEndpoint() != null) {
                var hep = c.node().hostEndpoint();
                Checks.oneOf(p, "spec.controllers.node.hostEndpoint.autoCreate", hep.autoCreate(), "Enabled",
                        "Disabled");
                Checks.oneOf(p, "spec.controllers.node.hostEndpoint.createDefaultHostEndpoint",
                        hep.createDefaultHostEndpoint(), "Enabled", "Disabled");
            }
        }
        reconciler(p, "spec.controllers.policy", c.policy());
        reconciler(p, "spec.controllers.workloadEndpoint", c.workloadEndpoint());
        reconciler(p, "spec.controllers.serviceAccount", c.serviceAccount());
        reconciler(p, "spec.controllers.namespace", c.namespace());
        if (c.loadBalancer() != null) {
            Checks.oneOf(p, "spec.controllers.loadBalancer.assignIPs", c.loadBalancer().assignIPs(), "AllServices",
                    "RequestedServicesOnly");
        }
        if (c.migration() != null) {
            Checks.oneOf(p, "spec.controllers.migration.policyNameMigrator", c.migration().policyNameMigrator(),
                    "Enabled", "Disabled");
        }
    }

    private static void reconciler(Problems p, String path, KubeControllersConfiguration.Reconciler r) {
        if (r != null) {
            Checks.duration(p, path + ".reconcilerPeriod", r.reconcilerPeriod());
        }
    }

    static void blockAffinity(Problems p, BlockAffinity a) {
        var s = a.spec();
        if (s == null) {
            return;
        }
        if ("true".equals(s.deleted())) {
            p.add("spec.deleted", "spec.Deleted cannot be set to \"true\"");
        }
        Checks.oneOf(p, "spec.state", s.state(), "confirmed", "pending", "pendingDeletion");
        Checks.oneOf(p, "spec.type", s.type(), "host", "virtual");
        Checks.resourceName(p, "spec.node", s.node());
        if (s.cidr() != null && IpNets.parseCidrOrIp(s.cidr()) == null) {
            p.add("spec.cidr", "invalid CIDR \"" + s.cidr() + "\"");
        }
    }

    static void calicoNodeStatus(Problems p, CalicoNodeStatus c) {
        var s = c.spec();
        if (s == null) {
            return;
        }
        Checks.resourceName(p, "spec.node", s.node());
        var classes = s.classes() == null ? java.util.List.<String>of() : s.classes();
        for (int i = 0; i < classes.size(); i++) {
            Checks.oneOf(p, Problems.at("spec.classes", i), classes.get(i), "Agent", "BGP", "Routes");
        }
        Checks.range(p, "spec.updatePeriodSeconds", s.updatePeriodSeconds(), 0, Integer.MAX_VALUE);
    }

    static void ipamConfiguration(Problems p, IPAMConfiguration c) {
        var s = c.spec();
        if (s == null) {
            return;
        }
        Checks.range(p, "spec.maxBlocksPerHost", s.maxBlocksPerHost(), 0, Integer.MAX_VALUE);
        Checks.range(p, "spec.ipCooldownSeconds", s.ipCooldownSeconds(), 0, 1200);
        Checks.oneOf(p, "spec.kubeVirtVMAddressPersistence", s.kubeVirtVMAddressPersistence(), "Enabled", "Disabled");
    }
}
