package dev.calyx.ipam;

import java.util.ArrayList;
import java.util.List;

/** The addresses an assignment handed out, per family. */
public record AssignResult(List<IpAddr> ipv4, List<IpAddr> ipv6) {
    public AssignResult {
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
    }

    public List<IpAddr> all() {
        List<IpAddr> all = new ArrayList<>(ipv4);
        all.addAll(ipv6);
        return all;
    }
}
