package dev.calyx.model.validation;

import dev.calyx.model.BGPFilter;

import java.util.List;

import static dev.calyx.model.validation.Problems.at;

/** One BGPFilter rule: CIDR/matchOperator pairing, prefix lengths, action, operations (a one-field union). */
final class BgpFilterChecks {
    private BgpFilterChecks() {
    }

    static void rule(Problems p, String path, BGPFilter.FilterRule r, int version) {
        if (r == null) {
            p.add(path, "Required value");
            return;
        }
        boolean cidr = r.cidr() != null && !r.cidr().isEmpty();
        boolean op = r.matchOperator() != null && !r.matchOperator().isEmpty();
        if (cidr) {
            IpNets.Net n = IpNets.parseCidrOrIp(r.cidr());
            if (n == null || n.version() != version || !n.strictlyMasked()) {
                p.add(at(path, "cidr"), "invalid IPv" + version + " CIDR \"" + r.cidr() + "\"");
            }
        }
        if (cidr != op) {
            p.add(at(path, cidr ? "matchOperator" : "cidr"), "cidr and matchOperator must both be set or both be "
                    + "empty (" + (cidr ? "MatchOperator cannot be empty when CIDR is not"
                    : "CIDR cannot be empty when MatchOperator is not") + ")");
        }
        if (r.prefixLength() != null) {
            if (!cidr) {
                p.add(at(path, "prefixLength"), "cidr is required when prefixLength is set");
            }
            int max = version == 4 ? 32 : 128;
            Checks.range(p, at(path, "prefixLength.min"), r.prefixLength().min(), 0, max);
            Checks.range(p, at(path, "prefixLength.max"), r.prefixLength().max(), 0, max);
        }
        criteria(p, path, r);
        operations(p, path, r);
    }

    private static void criteria(Problems p, String path, BGPFilter.FilterRule r) {
        Checks.oneOf(p, at(path, "matchOperator"), r.matchOperator(), "Equal", "NotEqual", "In", "NotIn");
        Checks.oneOf(p, at(path, "source"), r.source(), "RemotePeers");
        Checks.oneOf(p, at(path, "peerType"), r.peerType(), "eBGP", "iBGP");
        if (r.interfaceName() != null && !BgpChecks.filterInterface(r.interfaceName())) {
            p.add(at(path, "interface"), "invalid interface name \"" + r.interfaceName() + "\"");
        }
        Checks.range(p, at(path, "priority"), r.priority(), 1, 2147483646);
        if (r.action() == null || r.action().isEmpty()) {
            p.add(at(path, "action"), "Required value");
        } else {
            Checks.oneOf(p, at(path, "action"), r.action(), "Accept", "Reject");
        }
        if (r.communities() != null) {
            List<String> values = r.communities().values() == null ? List.of() : r.communities().values();
            if (values.size() != 1) {
                p.add(at(path, "communities.values"), "must have exactly 1 item");
            }
            for (int i = 0; i < values.size(); i++) {
                if (!BgpChecks.communityValue(values.get(i))) {
                    p.add(at(at(path, "communities.values"), i), "invalid community value \"" + values.get(i) + "\"");
                }
            }
        }
    }

    private static void operations(Problems p, String path, BGPFilter.FilterRule r) {
        if (r.operations() == null) {
            return;
        }
        if (!r.operations().isEmpty() && !"Accept".equals(r.action())) {
            p.add(at(path, "operations"), "operations may only be used with action Accept");
        }
        if (r.operations().isEmpty()) {
            p.add(at(path, "operations"), "should have at least 1 items");
        }
        Checks.maxItems(p, at(path, "operations"), r.operations(), 10);
        for (int i = 0; i < r.operations().size(); i++) {
            operation(p, at(at(path, "operations"), i), r.operations().get(i));
        }
    }

    private static void operation(Problems p, String path, BGPFilter.Operation op) {
        int set = (op.addCommunity() != null ? 1 : 0) + (op.prependASPath() != null ? 1 : 0)
                + (op.setPriority() != null ? 1 : 0);
        if (set == 0) {
            p.add(path, "exactly one operation must be set: should have at least 1 properties");
        } else if (set > 1) {
            p.add(path, "exactly one operation must be set: Too many: " + set + ": must have at most 1 items");
        }
        if (op.addCommunity() != null && !BgpChecks.communityValue(op.addCommunity().value())) {
            p.add(at(path, "addCommunity.value"), "invalid community value \"" + op.addCommunity().value() + "\"");
        }
        if (op.prependASPath() != null && (op.prependASPath().prefix() == null
                || op.prependASPath().prefix().isEmpty())) {
            p.add(at(path, "prependASPath.prefix"), "Required value");
        }
        if (op.setPriority() != null) {
            Checks.required(p, at(path, "setPriority.value"), op.setPriority().value());
            Checks.range(p, at(path, "setPriority.value"), op.setPriority().value(), 1, 2147483646);
        }
    }
}
