package dev.calyx.calc;

import dev.calyx.model.selector.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builders for expected graph output, written independently of the graph's own helpers where it matters. */
final class Expect {
    private Expect() {
    }

    /** The id of the IP set of {@code selector} (hand-written the way Calico folds namespace etc. into it). */
    static String sel(String selector) {
        return Selector.parse(selector).uniqueId();
    }

    static String namedPort(String selector, int protocol, String port) {
        return IpSetSpec.forNamedPort(Selector.parse(selector), protocol, port).id();
    }

    static IpSet ipSet(String id, String... nets) {
        return new IpSet(id, false, Arrays.stream(nets).sorted().map(IpSetMember::net).toList());
    }

    static IpSet namedPortSet(String id, IpSetMember... members) {
        return new IpSet(id, true, Arrays.stream(members).sorted().toList());
    }

    static TierPolicies tier(String name, RuleAction end, PolicyKey... policies) {
        return new TierPolicies(name, end, List.of(policies));
    }

    static List<TierPolicies> tiers(TierPolicies... t) {
        return List.of(t);
    }

    static EndpointPolicy wep(String ns, String name, String ip, List<TierPolicies> in, List<TierPolicies> out,
                              String... profiles) {
        return new EndpointPolicy(EndpointKey.workload(ns, name), "cali" + name, List.of(ip + "/32"), in, out,
                List.of(profiles));
    }

    static final ResolvedRule ALLOW_ALL = rule(RuleAction.ALLOW).build();
    static final ResolvedPolicy ALLOW_BOTH = new ResolvedPolicy(List.of(ALLOW_ALL), List.of(ALLOW_ALL));

    static ResolvedPolicy policy(List<ResolvedRule> in, List<ResolvedRule> out) {
        return new ResolvedPolicy(in, out);
    }

    static RuleBuilder rule(RuleAction action) {
        return new RuleBuilder(action);
    }

    static MatchBuilder match() {
        return new MatchBuilder();
    }

    static final class RuleBuilder {
        private final RuleAction action;
        private Integer ipVersion;
        private Integer protocol;
        private IcmpMatch icmp;
        private RuleMatch src = RuleMatch.ANY;
        private RuleMatch dst = RuleMatch.ANY;

        RuleBuilder(RuleAction action) {
            this.action = action;
        }

        RuleBuilder ipVersion(int v) {
            ipVersion = v;
            return this;
        }

        RuleBuilder protocol(int p) {
            protocol = p;
            return this;
        }

        RuleBuilder icmp(int type, Integer code) {
            icmp = new IcmpMatch(type, code);
            return this;
        }

        RuleBuilder src(MatchBuilder m) {
            src = m.build();
            return this;
        }

        RuleBuilder dst(MatchBuilder m) {
            dst = m.build();
            return this;
        }

        ResolvedRule build() {
            return new ResolvedRule(action, ipVersion, protocol, null, icmp, null, src, dst);
        }
    }

    static final class MatchBuilder {
        private List<String> nets = List.of();
        private List<String> notNets = List.of();
        private List<String> sets = List.of();
        private List<String> notSets = List.of();
        private final List<PortRange> ports = new ArrayList<>();
        private List<String> named = List.of();

        MatchBuilder nets(String... n) {
            nets = List.of(n);
            return this;
        }

        MatchBuilder notNets(String... n) {
            notNets = List.of(n);
            return this;
        }

        MatchBuilder sets(String... ids) {
            sets = List.of(ids);
            return this;
        }

        MatchBuilder notSets(String... ids) {
            notSets = List.of(ids);
            return this;
        }

        MatchBuilder port(int min, int max) {
            ports.add(new PortRange(min, max));
            return this;
        }

        MatchBuilder namedPorts(String... ids) {
            named = List.of(ids);
            return this;
        }

        RuleMatch build() {
            return new RuleMatch(nets, notNets, sets, notSets, ports, List.of(), named, List.of());
        }
    }

    /** Accumulates an expected desired state. */
    static final class State {
        private final Map<EndpointKey, EndpointPolicy> endpoints = new TreeMap<>();
        private final Map<PolicyKey, ResolvedPolicy> policies = new TreeMap<>();
        private final Map<String, ResolvedPolicy> profiles = new TreeMap<>();
        private final Map<String, IpSet> ipSets = new TreeMap<>();

        State endpoint(EndpointPolicy e) {
            endpoints.put(e.key(), e);
            return this;
        }

        State policy(PolicyKey key, ResolvedPolicy p) {
            policies.put(key, p);
            return this;
        }

        State profile(String name, ResolvedPolicy p) {
            profiles.put(name, p);
            return this;
        }

        State ipSet(IpSet s) {
            ipSets.put(s.id(), s);
            return this;
        }

        DesiredState build() {
            return new DesiredState(new TreeMap<>(endpoints), new TreeMap<>(policies), new TreeMap<>(profiles),
                    new TreeMap<>(ipSets));
        }
    }
}
