package dev.calyx.model.validation;

import dev.calyx.model.numorstring.Port;
import dev.calyx.model.numorstring.Protocol;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.HttpMatch;
import dev.calyx.model.policy.IcmpFields;
import dev.calyx.model.policy.Rule;

import java.util.HashSet;
import java.util.List;

import static dev.calyx.model.validation.Problems.at;

/** Calico's Rule / EntityRule rules (validator.go validateRule, validateEntityRule and the Rule CEL rules). */
final class RuleChecks {
    static final String PORTS_NEED_PROTOCOL = "rules that specify ports must set protocol to TCP or UDP or SCTP";
    static final String GLOBAL_ONLY_IN_NS = "global() can only be used in an EntityRule namespaceSelector";

    private RuleChecks() {
    }

    static void rules(Problems p, String path, List<Rule> rules) {
        if (rules == null) {
            return;
        }
        Checks.maxItems(p, path, rules, 1024);
        for (int i = 0; i < rules.size(); i++) {
            rule(p, at(path, i), rules.get(i));
        }
    }

    static void rule(Problems p, String path, Rule rule) {
        if (rule == null) {
            p.add(path, "Required value");
            return;
        }
        if (rule.action() == null || rule.action().isEmpty()) {
            p.add(at(path, "action"), "Required value: action must be one of Allow, Deny, Log, Pass");
        } else {
            Checks.oneOf(p, at(path, "action"), rule.action(), "Allow", "Deny", "Log", "Pass");
        }
        if (rule.ipVersion() != null && rule.ipVersion() != 4 && rule.ipVersion() != 6) {
            p.add(at(path, "ipVersion"), Checks.unsupported(String.valueOf(rule.ipVersion()), "4", "6"));
        }
        protocol(p, at(path, "protocol"), rule.protocol());
        protocol(p, at(path, "notProtocol"), rule.notProtocol());
        icmp(p, at(path, "icmp"), rule.icmp());
        icmp(p, at(path, "notICMP"), rule.notICMP());
        protocolCombinations(p, path, rule);
        EntityRule src = rule.sourceOrEmpty();
        EntityRule dst = rule.destinationOrEmpty();
        entity(p, at(path, "source"), src);
        entity(p, at(path, "destination"), dst);
        if (rule.protocol() == null || !rule.protocol().supportsPorts()) {
            portsNeedProtocol(p, at(path, "source"), src);
            portsNeedProtocol(p, at(path, "destination"), dst);
        }
        ipVersions(p, path, rule);
        http(p, path, rule);
        if (dst.services() != null && (!dst.portsOrEmpty().isEmpty() || !dst.notPortsOrEmpty().isEmpty())) {
            p.add(at(path, "destination.ports"), "ports and notPorts cannot be specified with services");
        }
        if (rule.metadata() != null) {
            Checks.annotations(p, at(path, "metadata.annotations"), rule.metadata().annotations());
        }
    }

    private static void protocol(Problems p, String path, Protocol protocol) {
        if (protocol != null && protocol.problem() != null) {
            p.add(path, protocol.problem());
        }
    }

    private static void icmp(Problems p, String path, IcmpFields icmp) {
        if (icmp == null) {
            return;
        }
        Checks.range(p, at(path, "type"), icmp.type(), 0, 254);
        Checks.range(p, at(path, "code"), icmp.code(), 0, 255);
        if (icmp.code() != null && icmp.type() == null) {
            p.add(at(path, "code"), "ICMP code specified without an ICMP type");
        }
    }

    private static void protocolCombinations(Problems p, String path, Rule rule) {
        Protocol proto = rule.protocol();
        if (rule.icmp() != null && (proto == null || !(proto.isIcmpV4() || proto.isIcmpV6()))) {
            p.add(at(path, "icmp"), "ICMP fields require protocol to be ICMP or ICMPv6 "
                    + "(rules that specify ICMP fields must set protocol to ICMP)");
        }
        Integer v = rule.ipVersion();
        for (Protocol pr : new Protocol[]{proto, rule.notProtocol()}) {
            if (pr == null || v == null) {
                continue;
            }
            if (pr.isIcmpV4() && v != 4) {
                p.add(at(path, "ipVersion"), "protocol ICMP requires ipVersion 4");
            }
            if (pr.isIcmpV6() && v != 6) {
                p.add(at(path, "ipVersion"), "protocol ICMPv6 requires ipVersion 6");
            }
        }
    }

    private static void portsNeedProtocol(Problems p, String path, EntityRule e) {
        if (!e.portsOrEmpty().isEmpty()) {
            p.add(at(path, "ports"), PORTS_NEED_PROTOCOL);
        }
        if (!e.notPortsOrEmpty().isEmpty()) {
            p.add(at(path, "notPorts"), PORTS_NEED_PROTOCOL);
        }
    }

    private static void ipVersions(Problems p, String path, Rule rule) {
        boolean[] seen = new boolean[2];
        scanNets(p, at(path, "source.nets"), rule.sourceOrEmpty().netsOrEmpty(), rule.ipVersion(), seen);
        scanNets(p, at(path, "source.notNets"), rule.sourceOrEmpty().notNetsOrEmpty(), rule.ipVersion(), seen);
        scanNets(p, at(path, "destination.nets"), rule.destinationOrEmpty().netsOrEmpty(), rule.ipVersion(), seen);
        scanNets(p, at(path, "destination.notNets"), rule.destinationOrEmpty().notNetsOrEmpty(), rule.ipVersion(),
                seen);
    }

    private static void scanNets(Problems p, String path, List<String> nets, Integer ipVersion, boolean[] seen) {
        boolean v4 = false;
        boolean v6 = false;
        for (int i = 0; i < nets.size(); i++) {
            IpNets.Net n = IpNets.parseCidrOrIp(nets.get(i));
            if (n == null) {
                p.add(at(path, i), "invalid CIDR \"" + nets.get(i) + "\"");
                continue;
            }
            if (!n.strictlyMasked()) {
                p.add(at(path, i), "invalid CIDR \"" + nets.get(i) + "\": host bits set (not strictly masked)");
            }
            v4 |= n.version() == 4;
            v6 |= n.version() == 6;
        }
        if (ipVersion != null && ((v4 && ipVersion != 4) || (v6 && ipVersion != 6))) {
            p.add(path, "rule IP version doesn't match CIDR version");
        }
        if ((v4 && seen[1]) || (v6 && seen[0]) || (v4 && v6)) {
            p.add(path, "rule contains both IPv4 and IPv6 CIDRs");
        }
        seen[0] |= v4;
        seen[1] |= v6;
    }

    private static void http(Problems p, String path, Rule rule) {
        HttpMatch http = rule.http();
        if (http == null) {
            return;
        }
        if (rule.protocol() != null && rule.protocol().numeric() != 6) {
            p.add(at(path, "protocol"), "rules with HTTP match must have protocol TCP or unset");
        }
        if (!"Allow".equals(rule.action())) {
            p.add(at(path, "http"), "HTTP match is only valid on Allow rules");
        }
        Checks.maxItems(p, at(path, "http.methods"), http.methods(), 20);
        Checks.maxItems(p, at(path, "http.paths"), http.paths(), 20);
        if (http.methods() != null && new HashSet<>(http.methods()).size() != http.methods().size()) {
            p.add(at(path, "http.methods"), "Invalid methods (duplicates): " + http.methods());
        }
        List<HttpMatch.HttpPath> paths = http.paths() == null ? List.of() : http.paths();
        for (int i = 0; i < paths.size(); i++) {
            httpPath(p, at(at(path, "http.paths"), i), paths.get(i));
        }
    }

    private static void httpPath(Problems p, String path, HttpMatch.HttpPath hp) {
        boolean exact = hp.exact() != null && !hp.exact().isEmpty();
        boolean prefix = hp.prefix() != null && !hp.prefix().isEmpty();
        if (exact && prefix) {
            p.add(path, "Invalid path match. Both 'exact' and 'prefix' are set");
            return;
        }
        if (!exact && !prefix) {
            p.add(path, "Invalid path match. Either 'exact' or 'prefix' must be set");
            return;
        }
        String v = exact ? hp.exact() : hp.prefix();
        if (!v.startsWith("/") || v.chars().anyMatch(c -> c == '?' || c == ' ' || c == '#')) {
            p.add(path, "Invalid path " + v + ". (must start with `/` and not contain `?` or `#`");
        }
    }

    static void entity(Problems p, String path, EntityRule e) {
        Checks.maxItems(p, at(path, "nets"), e.nets(), 256);
        Checks.maxItems(p, at(path, "notNets"), e.notNets(), 256);
        Checks.maxItems(p, at(path, "ports"), e.ports(), 50);
        Checks.maxItems(p, at(path, "notPorts"), e.notPorts(), 50);
        ports(p, at(path, "ports"), e.portsOrEmpty());
        ports(p, at(path, "notPorts"), e.notPortsOrEmpty());
        Checks.selector(p, at(path, "selector"), e.selector());
        Checks.selector(p, at(path, "notSelector"), e.notSelector());
        Checks.selector(p, at(path, "namespaceSelector"), e.namespaceSelector());
        if (e.selector() != null && e.selector().contains("global(")) {
            p.add(at(path, "selector"), GLOBAL_ONLY_IN_NS);
        }
        if (e.notSelector() != null && e.notSelector().contains("global(")) {
            p.add(at(path, "notSelector"), GLOBAL_ONLY_IN_NS);
        }
        String ns = e.namespaceSelector();
        if (ns != null && ns.contains("global(") && !ns.strip().matches("^global\\(\\s*\\)$")) {
            p.add(at(path, "namespaceSelector"), "global() cannot be combined with other selectors");
        }
        if (e.serviceAccounts() != null) {
            Checks.selector(p, at(path, "serviceAccounts.selector"), e.serviceAccounts().selector());
        }
        services(p, path, e);
    }

    private static void ports(Problems p, String path, List<Port> ports) {
        for (int i = 0; i < ports.size(); i++) {
            Checks.port(p, at(path, i), ports.get(i));
        }
    }

    private static void services(Problems p, String path, EntityRule e) {
        if (e.services() == null) {
            return;
        }
        String sp = at(path, "services");
        if (e.services().name() == null || e.services().name().isEmpty()) {
            p.add(at(sp, "name"), "services must specify a service name");
        }
        Checks.resourceName(p, at(sp, "name"), e.services().name());
        Checks.resourceName(p, at(sp, "namespace"), e.services().namespace());
        if (e.namespaceSelector() != null && !e.namespaceSelector().isEmpty()) {
            p.add(sp, "cannot specify NamespaceSelector and Services on the same rule");
        }
        if ((e.selector() != null && !e.selector().isEmpty())
                || (e.notSelector() != null && !e.notSelector().isEmpty())) {
            p.add(sp, "cannot specify Selector/NotSelector and Services on the same rule");
        }
        if (e.serviceAccounts() != null) {
            p.add(sp, "cannot specify ServiceAccounts and Services on the same rule");
        }
        if (!e.netsOrEmpty().isEmpty() || !e.notNetsOrEmpty().isEmpty()) {
            p.add(sp, "cannot specify Nets/NotNets and Services on the same rule");
        }
    }
}
