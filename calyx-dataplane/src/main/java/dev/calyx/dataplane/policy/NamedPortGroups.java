package dev.calyx.dataplane.policy;

import dev.calyx.calc.IpSet;
import dev.calyx.calc.IpSetMember;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named ports without concatenated sets. A calc named-port set holds (address, protocol, port) triples; the nft
 * layer offers no {@code ipv4_addr . inet_proto . inet_service} key type, so each set is split by (protocol, port)
 * into plain address sets, one per group and family ({@code cx_n4_*}, {@code cx_n6_*}), and a rule that matches
 * the named port becomes one nft rule per group: {@code meta l4proto P ip daddr @group th dport N}. In practice a
 * port name maps to one or a few numbers cluster-wide, so this stays small; the price is that a policy's chain is
 * re-rendered when a named-port set gains or loses a whole group (not when members come and go within groups).
 */
final class NamedPortGroups {
    /** One (protocol, port) group of a named-port set. */
    record Group(int protocol, int port) implements Comparable<Group> {
        @Override
        public int compareTo(Group o) {
            return protocol != o.protocol ? Integer.compare(protocol, o.protocol) : Integer.compare(port, o.port);
        }
    }

    /** The groups of a named-port set, by id; empty for unknown ids. */
    interface Lookup {
        List<Group> groups(String ipSetId);

        Lookup NONE = id -> List.of();

        static Lookup of(Map<String, ? extends Collection<IpSetMember>> membersById) {
            return id -> {
                Collection<IpSetMember> members = membersById.get(id);
                return members == null ? List.of() : List.copyOf(groupsOf(members).keySet());
            };
        }
    }

    private NamedPortGroups() {
    }

    static SortedMap<Group, List<IpSetMember>> groupsOf(Collection<IpSetMember> members) {
        SortedMap<Group, List<IpSetMember>> out = new TreeMap<>();
        for (IpSetMember m : members) {
            if (m.hasPort()) {
                out.computeIfAbsent(new Group(m.protocol(), m.port()), g -> new java.util.ArrayList<>()).add(m);
            }
        }
        return out;
    }

    /** The kernel sets of one named-port set: per group, an IPv4 and an IPv6 address set. */
    static Map<String, SetDef> sets(IpSet set) {
        return sets(set.id(), set.members());
    }

    static Map<String, SetDef> sets(String id, Collection<IpSetMember> members) {
        Map<String, SetDef> out = new TreeMap<>();
        groupsOf(members).forEach((g, ms) -> {
            var v4 = new TreeSet<String>();
            var v6 = new TreeSet<String>();
            for (IpSetMember m : ms) {
                PolicyRenderer.addMember(setName(id, g, false), m.net(), v4, v6);
            }
            out.put(setName(id, g, false), new SetDef(PolicyRenderer.addressSet(setName(id, g, false), false), v4));
            out.put(setName(id, g, true), new SetDef(PolicyRenderer.addressSet(setName(id, g, true), true), v6));
        });
        return out;
    }

    static String setName(String id, Group g, boolean v6) {
        return PolicyNames.PREFIX + (v6 ? "n6_" : "n4_") + PolicyNames.digest(id + "|" + g.protocol() + "|" + g.port());
    }
}
