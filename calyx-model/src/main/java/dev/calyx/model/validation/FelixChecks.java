package dev.calyx.model.validation;

import dev.calyx.model.FelixConfiguration;
import dev.calyx.model.numorstring.Port;

import java.util.List;
import java.util.regex.Pattern;

import static dev.calyx.model.validation.Problems.at;

/** FelixConfiguration rules: enumerations, address families, ranges (validator.go validateFelixConfigSpec). */
final class FelixChecks {
    private static final String[] LOG_LEVELS = {"Trace", "Debug", "Info", "Warning", "Error", "Fatal"};
    private static final Pattern PROMETHEUS_HOST = Pattern.compile("^[a-zA-Z0-9:._+-]{1,64}$");
    private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(\\w+)=(.*)$");
    private static final Pattern HEALTH_NAME = Pattern.compile("^[a-zA-Z0-9_ -]+$");
    private static final Pattern LOG_PREFIX = Pattern.compile("^([a-zA-Z0-9%: /_-])*$");
    private static final Pattern RATE_LIMIT = Pattern.compile("^[1-9]\\d{0,3}/(?:second|minute|hour|day)$");
    private static final Pattern METADATA_ADDR = Pattern.compile("^[a-zA-Z0-9_.-]+$");
    private static final Pattern INTERFACE_PREFIX = Pattern.compile("^[a-zA-Z0-9_-]{1,15}(,[a-zA-Z0-9_-]{1,15})*$");

    private FelixChecks() {
    }

    static void felix(Problems p, FelixConfiguration fc) {
        var s = fc.spec();
        if (s == null) {
            return;
        }
        enums(p, s);
        shapes(p, s);
        durations(p, s);
        ranges(p, s);
        addresses(p, s);
        lists(p, s);
        FelixTableChecks.routeTables(p, s);
    }

    private static void enums(Problems p, FelixConfiguration.Spec s) {
        Checks.oneOf(p, "spec.iptablesBackend", emptyToNull(s.iptablesBackend()), "Auto", "NFT", "Legacy");
        Checks.oneOf(p, "spec.logSeverityScreen", s.logSeverityScreen(), LOG_LEVELS);
        Checks.oneOf(p, "spec.logSeverityFile", s.logSeverityFile(), LOG_LEVELS);
        Checks.oneOf(p, "spec.logSeveritySys", s.logSeveritySys(), LOG_LEVELS);
        Checks.oneOf(p, "spec.bpfLogLevel", emptyToNull(s.bpfLogLevel()), "Debug", "Info", "Off");
        Checks.oneOf(p, "spec.bpfConntrackLogLevel", s.bpfConntrackLogLevel(), "Off", "Debug");
        Checks.oneOf(p, "spec.defaultEndpointToHostAction", s.defaultEndpointToHostAction(), "Drop", "Accept",
                "Return");
        Checks.oneOf(p, "spec.iptablesFilterAllowAction", s.iptablesFilterAllowAction(), "Accept", "Return");
        Checks.oneOf(p, "spec.iptablesMangleAllowAction", s.iptablesMangleAllowAction(), "Accept", "Return");
        Checks.oneOf(p, "spec.iptablesFilterDenyAction", s.iptablesFilterDenyAction(), "Drop", "Reject");
        Checks.oneOf(p, "spec.nftablesFilterAllowAction", s.nftablesFilterAllowAction(), "Accept", "Return");
        Checks.oneOf(p, "spec.nftablesMangleAllowAction", s.nftablesMangleAllowAction(), "Accept", "Return");
        Checks.oneOf(p, "spec.nftablesFilterDenyAction", s.nftablesFilterDenyAction(), "Drop", "Reject");
        Checks.oneOfIgnoreCase(p, "spec.chainInsertMode", s.chainInsertMode(), "insert", "append");
        Checks.oneOf(p, "spec.bpfExternalServiceMode", s.bpfExternalServiceMode(), "Tunnel", "DSR");
        Checks.oneOf(p, "spec.bpfConnectTimeLoadBalancing", s.bpfConnectTimeLoadBalancing(), "TCP", "Enabled",
                "Disabled");
        Checks.oneOf(p, "spec.bpfHostNetworkedNATWithoutCTLB", s.bpfHostNetworkedNATWithoutCTLB(), "Enabled",
                "Disabled");
        Checks.oneOfIgnoreCase(p, "spec.bpfEnforceRPF", s.bpfEnforceRPF(), "Disabled", "Strict", "Loose");
        Checks.oneOf(p, "spec.bpfRedirectToPeer", s.bpfRedirectToPeer(), "Disabled", "Enabled", "L2Only");
        Checks.oneOf(p, "spec.bpfProfiling", s.bpfProfiling(), "Enabled", "Disabled");
        Checks.oneOf(p, "spec.bpfAttachType", s.bpfAttachType(), "TC", "TCX", "Netkit");
        Checks.oneOf(p, "spec.bpfConntrackMode", s.bpfConntrackMode(), "Auto", "Userspace", "BPFProgram");
        Checks.oneOf(p, "spec.istioAmbientMode", s.istioAmbientMode(), "Enabled", "Disabled");
        Checks.oneOf(p, "spec.flowLogsLocalReporter", s.flowLogsLocalReporter(), "Enabled", "Disabled");
        Checks.oneOf(p, "spec.prometheusMetricsClientAuth", s.prometheusMetricsClientAuth(), "NoClientCert",
                "RequireAndVerifyClientCert", "RequireAnyClientCert", "VerifyClientCertIfGiven");
        Checks.oneOfIgnoreCase(p, "spec.bpfCTLBLogFilter", s.bpfCTLBLogFilter(), "all");
        Checks.oneOf(p, "spec.bpfJITHardening", s.bpfJITHardening(), "Auto", "Strict");
        Checks.oneOf(p, "spec.bpfMapSizeConntrackScaling", s.bpfMapSizeConntrackScaling(), "Disabled", "DoubleIfFull");
        Checks.oneOfIgnoreCase(p, "spec.routeSource", s.routeSource(), "WorkloadIPs", "CalicoIPAM");
        Checks.oneOf(p, "spec.awsSrcDstCheck", s.awsSrcDstCheck(), "DoNothing", "Enable", "Disable");
        Checks.oneOf(p, "spec.serviceLoopPrevention", s.serviceLoopPrevention(), "Drop", "Reject", "Disabled");
        Checks.oneOf(p, "spec.workloadSourceSpoofing", s.workloadSourceSpoofing(), "Disabled", "Any");
        Checks.oneOf(p, "spec.floatingIPs", s.floatingIPs(), "Enabled", "Disabled");
        Checks.oneOf(p, "spec.windowsManageFirewallRules", s.windowsManageFirewallRules(), "Enabled", "Disabled");
        Checks.oneOf(p, "spec.ipForwarding", s.ipForwarding(), "Enabled", "Disabled");
        Checks.oneOf(p, "spec.nftablesMode", s.nftablesMode(), "Enabled", "Disabled", "Auto");
        Checks.oneOf(p, "spec.natOutgoingExclusions", s.natOutgoingExclusions(), "IPPoolsOnly", "IPPoolsAndHostIPs");
        Checks.oneOf(p, "spec.programClusterRoutes", s.programClusterRoutes(), "Disabled", "EnabledIPIPOnly",
                "EnabledNoEncapOnly", "Enabled");
        Checks.oneOf(p, "spec.flowLogsPolicyEvaluationMode", s.flowLogsPolicyEvaluationMode(), "None", "Continuous");
    }

    /** Free-form strings with a required shape: interface names/filters, hosts, key=value lists, regexps. */
    private static void shapes(Problems p, FelixConfiguration.Spec s) {
        pattern(p, "spec.logPrefix", s.logPrefix(), LOG_PREFIX);
        pattern(p, "spec.logActionRateLimit", s.logActionRateLimit(), RATE_LIMIT);
        pattern(p, "spec.healthHost", s.healthHost(), PROMETHEUS_HOST);
        pattern(p, "spec.debugHost", s.debugHost(), PROMETHEUS_HOST);
        pattern(p, "spec.metadataAddr", s.metadataAddr(), METADATA_ADDR);
        pattern(p, "spec.interfacePrefix", s.interfacePrefix(), INTERFACE_PREFIX);
        if (s.iptablesNATOutgoingInterfaceFilter() != null && !s.iptablesNATOutgoingInterfaceFilter().isEmpty()
                && !Checks.IFACE_FILTER.matcher(s.iptablesNATOutgoingInterfaceFilter()).matches()) {
            p.add("spec.iptablesNATOutgoingInterfaceFilter", "invalid interface filter \""
                    + s.iptablesNATOutgoingInterfaceFilter() + "\"");
        }
        if (s.prometheusMetricsHost() != null && !s.prometheusMetricsHost().isEmpty()
                && !PROMETHEUS_HOST.matcher(s.prometheusMetricsHost()).matches()) {
            p.add("spec.prometheusMetricsHost", "invalid host \"" + s.prometheusMetricsHost() + "\"");
        }
        Checks.interfaceName(p, "spec.wireguardInterfaceName", s.wireguardInterfaceName(), false);
        Checks.interfaceName(p, "spec.wireguardInterfaceNameV6", s.wireguardInterfaceNameV6(), false);
        keyValueList(p, "spec.featureDetectOverride", s.featureDetectOverride());
        keyValueList(p, "spec.featureGates", s.featureGates());
        Checks.regexp(p, "spec.logDebugFilenameRegex", s.logDebugFilenameRegex());
        Checks.regexp(p, "spec.bpfDataIfacePattern", s.bpfDataIfacePattern());
        Checks.regexp(p, "spec.bpfL3IfacePattern", s.bpfL3IfacePattern());
        Checks.regexp(p, "spec.bpfDisableGROForIfaces", s.bpfDisableGROForIfaces());
        Checks.regexp(p, "spec.mtuIfacePattern", s.mtuIfacePattern());
    }

    private static void pattern(Problems p, String path, String value, Pattern pattern) {
        if (value != null && !value.isEmpty() && !pattern.matcher(value).matches()) {
            p.add(path, "Invalid value: \"" + value + "\": should match '" + pattern.pattern() + "'");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static void keyValueList(Problems p, String path, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        for (String item : value.split(",")) {
            if (!item.isEmpty() && !KEY_VALUE.matcher(item).matches()) {
                p.add(path, "invalid key=value list \"" + value + "\"");
                return;
            }
        }
    }

    private static void durations(Problems p, FelixConfiguration.Spec s) {
        String[][] d = {
            {"dataplaneWatchdogTimeout", s.dataplaneWatchdogTimeout()},
            {"routeRefreshInterval", s.routeRefreshInterval()},
            {"interfaceRefreshInterval", s.interfaceRefreshInterval()},
            {"iptablesRefreshInterval", s.iptablesRefreshInterval()},
            {"iptablesPostWriteCheckInterval", s.iptablesPostWriteCheckInterval()},
            {"iptablesLockTimeout", s.iptablesLockTimeout()},
            {"iptablesLockProbeInterval", s.iptablesLockProbeInterval()},
            {"ipsetsRefreshInterval", s.ipsetsRefreshInterval()},
            {"xdpRefreshInterval", s.xdpRefreshInterval()},
            {"netlinkTimeout", s.netlinkTimeout()},
            {"reportingInterval", s.reportingInterval()},
            {"reportingTTL", s.reportingTTL()},
            {"endpointReportingDelay", s.endpointReportingDelay()},
            {"usageReportingInitialDelay", s.usageReportingInitialDelay()},
            {"usageReportingInterval", s.usageReportingInterval()},
            {"debugSimulateCalcGraphHangAfter", s.debugSimulateCalcGraphHangAfter()},
            {"debugSimulateDataplaneHangAfter", s.debugSimulateDataplaneHangAfter()},
            {"debugSimulateDataplaneApplyDelay", s.debugSimulateDataplaneApplyDelay()},
            {"nftablesRefreshInterval", s.nftablesRefreshInterval()},
            {"bpfKubeProxyMinSyncPeriod", s.bpfKubeProxyMinSyncPeriod()},
            {"wireguardKeepAlive", s.wireguardKeepAlive()},
            {"flowLogsFlushInterval", s.flowLogsFlushInterval()},
            {"liveMigrationRouteConvergenceTime", s.liveMigrationRouteConvergenceTime()},
        };
        for (String[] pair : d) {
            Checks.duration(p, "spec." + pair[0], pair[1]);
        }
        var overrides = s.healthTimeoutOverrides() == null ? List.<FelixConfiguration.HealthTimeoutOverride>of()
                : s.healthTimeoutOverrides();
        for (int i = 0; i < overrides.size(); i++) {
            var o = overrides.get(i);
            String path = at("spec.healthTimeoutOverrides", i);
            if (o.name() == null || !HEALTH_NAME.matcher(o.name()).matches()) {
                p.add(at(path, "name"), "name should match regex " + HEALTH_NAME.pattern());
            }
            if (o.timeout() != null && o.timeout().startsWith("-")) {
                p.add(at(path, "timeout"), "Timeout should not be negative");
            } else {
                Checks.duration(p, at(path, "timeout"), o.timeout());
            }
        }
    }

    private static void ranges(Problems p, FelixConfiguration.Spec s) {
        Checks.range(p, "spec.debugPort", s.debugPort(), 0, 65535);
        Checks.range(p, "spec.healthPort", s.healthPort(), 0, 65535);
        Checks.range(p, "spec.prometheusMetricsPort", s.prometheusMetricsPort(), 0, 65535);
        Checks.range(p, "spec.metadataPort", s.metadataPort(), 0, 65535);
        Checks.range(p, "spec.vxlanPort", s.vxlanPort(), 0, 65535);
        Checks.range(p, "spec.bpfKubeProxyHealthzPort", s.bpfKubeProxyHealthzPort(), 0, 65535);
        Checks.range(p, "spec.wireguardListeningPort", s.wireguardListeningPort(), 1, 65535);
        Checks.range(p, "spec.wireguardListeningPortV6", s.wireguardListeningPortV6(), 1, 65535);
        Checks.range(p, "spec.wireguardRoutingRulePriority", s.wireguardRoutingRulePriority(), 1, 32765);
        Checks.range(p, "spec.bpfExtToServiceConnmark", s.bpfExtToServiceConnmark(), 0, 0xFFFF_FFFFL);
        Checks.range(p, "spec.iptablesMarkMask", s.iptablesMarkMask(), 0, 0xFFFF_FFFFL);
        Checks.range(p, "spec.nftablesMarkMask", s.nftablesMarkMask(), 0, 0xFFFF_FFFFL);
        Checks.range(p, "spec.goGCThreshold", s.goGCThreshold(), -1, Integer.MAX_VALUE);
        Checks.range(p, "spec.goMemoryLimitMB", s.goMemoryLimitMB(), -1, Integer.MAX_VALUE);
        Checks.range(p, "spec.goMaxProcs", s.goMaxProcs(), -1, Integer.MAX_VALUE);
        Checks.range(p, "spec.ipv4NormalRoutePriority", s.ipv4NormalRoutePriority(), 1, 2147483646);
        Checks.range(p, "spec.ipv4ElevatedRoutePriority", s.ipv4ElevatedRoutePriority(), 1, 2147483646);
        Checks.range(p, "spec.ipv6NormalRoutePriority", s.ipv6NormalRoutePriority(), 1, 2147483646);
        Checks.range(p, "spec.ipv6ElevatedRoutePriority", s.ipv6ElevatedRoutePriority(), 1, 2147483646);
        Checks.range(p, "spec.vxlanVNI", s.vxlanVNI(), 0, 16777215);
        Checks.range(p, "spec.bpfMaglevMaxEndpointsPerService", s.bpfMaglevMaxEndpointsPerService(), 1, 3000);
        Checks.range(p, "spec.bpfMaglevMaxServices", s.bpfMaglevMaxServices(), 1, 3000);
        String region = s.openstackRegion();
        if (region != null && region.length() > 63 - "openstack-region-".length()) {
            p.add("spec.openstackRegion", "is too long");
        } else if (region != null && !region.isEmpty() && !Checks.DNS_LABEL.matcher(region).matches()) {
            p.add("spec.openstackRegion", "must be a valid DNS label");
        }
    }

    private static void addresses(Problems p, FelixConfiguration.Spec s) {
        ipOfVersion(p, "spec.natOutgoingAddress", s.natOutgoingAddress(), 4);
        ipOfVersion(p, "spec.deviceRouteSourceAddress", s.deviceRouteSourceAddress(), 4);
        ipOfVersion(p, "spec.deviceRouteSourceAddressIPv6", s.deviceRouteSourceAddressIPv6(), 6);
    }

    private static void ipOfVersion(Problems p, String path, String value, int version) {
        if (value == null || value.isEmpty()) {
            return;
        }
        IpNets.Net n = IpNets.parseIp(value);
        if (n == null || n.version() != version) {
            String field = path.substring(path.lastIndexOf('.') + 1);
            p.add(path, field + " must be a valid IPv" + version + " address (\"" + value + "\" is not a valid IPv"
                    + version + " address)");
        }
    }

    private static void lists(Problems p, FelixConfiguration.Spec s) {
        List<Port> ranges = s.kubeNodePortRanges() == null ? List.of() : s.kubeNodePortRanges();
        if (ranges.size() > 7) {
            p.add("spec.kubeNodePortRanges", "node port ranges list is too long (max 7)");
        }
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i) != null && ranges.get(i).isNamed()) {
                p.add(at("spec.kubeNodePortRanges", i), "node port ranges should not contain named ports");
            } else {
                felixPort(p, at("spec.kubeNodePortRanges", i), ranges.get(i));
            }
        }
        if (s.natPortRange() != null) {
            felixPort(p, "spec.natPortRange", s.natPortRange());
        }
        if (s.bpfPSNATPorts() != null) {
            felixPort(p, "spec.bpfPSNATPorts", s.bpfPSNATPorts());
        }
        List<String> external = s.externalNodesList() == null ? List.of() : s.externalNodesList();
        for (int i = 0; i < external.size(); i++) {
            IpNets.Net n = IpNets.parseCidrOrIp(external.get(i));
            if (n == null) {
                p.add(at("spec.externalNodesList", i), "has invalid CIDR(s)");
            } else if (n.version() != 4) {
                p.add(at("spec.externalNodesList", i), "has invalid IPv6 CIDR");
            }
        }
        cidrs(p, "spec.bpfDSROptoutCIDRs", s.bpfDSROptoutCIDRs());
        cidrs(p, "spec.bpfExcludeCIDRsFromNAT", s.bpfExcludeCIDRsFromNAT());
        List<String> ifaces = s.bpfForceTrackPacketsFromIfaces() == null ? List.of()
                : s.bpfForceTrackPacketsFromIfaces();
        for (int i = 0; i < ifaces.size(); i++) {
            if (ifaces.get(i) == null || !Checks.IFACE_FILTER.matcher(ifaces.get(i)).matches()) {
                p.add(at("spec.bpfForceTrackPacketsFromIfaces", i), "invalid interface filter \"" + ifaces.get(i) + "\"");
            }
        }
        if (s.bpfLogFilters() != null) {
            s.bpfLogFilters().keySet().stream().filter(k -> !Checks.INTERFACE.matcher(k).matches())
                    .forEach(k -> p.add("spec.bpfLogFilters[" + k + "]", "invalid interface name \"" + k + "\""));
        }
        FelixTableChecks.failsafe(p, "spec.failsafeInboundHostPorts", s.failsafeInboundHostPorts());
        FelixTableChecks.failsafe(p, "spec.failsafeOutboundHostPorts", s.failsafeOutboundHostPorts());
    }

    /** Felix port settings are numbers in [0,65535] or "n:m" ranges (0 = unset), never names. */
    private static void felixPort(Problems p, String path, Port port) {
        if (port.isNamed()) {
            p.add(path, "must be a port number or a range n:m, not a name (\"" + port.name() + "\")");
        } else if (port.max() > 65535 || port.min() > port.max()) {
            p.add(path, "port range invalid (\"" + port + "\"): numbers must be in [0,65535] and min <= max");
        }
    }

    private static void cidrs(Problems p, String path, List<String> cidrs) {
        if (cidrs == null) {
            return;
        }
        for (int i = 0; i < cidrs.size(); i++) {
            if (IpNets.parseCidrOrIp(cidrs.get(i)) == null) {
                p.add(at(path, i), "invalid CIDR \"" + cidrs.get(i) + "\"");
            }
        }
    }

}
