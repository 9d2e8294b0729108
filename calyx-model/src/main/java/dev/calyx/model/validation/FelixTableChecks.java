package dev.calyx.model.validation;

import dev.calyx.model.FelixConfiguration;

import java.util.List;

import static dev.calyx.model.validation.Problems.at;

/** FelixConfiguration's structured lists: failsafe host ports and route table ranges. */
final class FelixTableChecks {
    private FelixTableChecks() {
    }

    static void failsafe(Problems p, String path, List<FelixConfiguration.ProtoPort> ports) {
        if (ports == null) {
            return;
        }
        for (int i = 0; i < ports.size(); i++) {
            var pp = ports.get(i);
            String at = at(path, i);
            if (pp.protocol() != null && !pp.protocol().isEmpty()
                    && !List.of("TCP", "UDP", "SCTP").contains(pp.protocol().toUpperCase(java.util.Locale.ROOT))) {
                p.add(at(at, "protocol"), "protocol must be 'TCP' or 'UDP' or 'SCTP'.");
            }
            Checks.range(p, at(at, "port"), pp.port(), 0, 65535);
            if (pp.net() != null && !pp.net().isEmpty() && IpNets.parseCidrOrIp(pp.net()) == null) {
                p.add(at(at, "net"), "invalid CIDR \"" + pp.net() + "\"");
            }
        }
    }

    static void routeTables(Problems p, FelixConfiguration.Spec s) {
        var single = s.routeTableRange();
        if (single != null && s.routeTableRanges() != null) {
            p.add("spec.routeTableRange", "routeTableRange and routeTableRanges cannot both be set");
        }
        if (single != null) {
            long min = single.min() == null ? 0 : single.min();
            long max = single.max() == null ? 0 : single.max();
            if (!(min >= 1 && max >= min && max <= 250)) {
                p.add("spec.routeTableRange", "must be a range of route table indices within 1..250");
            }
        }
        if (s.routeTableRanges() == null) {
            return;
        }
        long total = 0;
        for (int i = 0; i < s.routeTableRanges().size(); i++) {
            var r = s.routeTableRanges().get(i);
            long min = r.min() == null ? 0 : r.min();
            long max = r.max() == null ? 0 : r.max();
            String path = at("spec.routeTableRanges", i);
            if (min > max) {
                p.add(path, "min must not be greater than max (min value cannot be greater than max value)");
            }
            if (min <= 0) {
                p.add(path, "min must be >= 1 (cannot target indices < 1)");
            }
            if (max > 0xFFFF_FFFFL) {
                p.add(path, "max index too high");
            }
            total += max - min + 1;
        }
        if (total > 0xFFFF) {
            p.add("spec.routeTableRanges", "targets too many tables");
        }
    }
}
