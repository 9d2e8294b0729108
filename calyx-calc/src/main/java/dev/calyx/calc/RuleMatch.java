package dev.calyx.calc;

import java.util.List;

/**
 * One side (source or destination) of a resolved rule. Match semantics for the renderer:
 * <ul>
 *   <li>the address is in one of {@code nets} (if any) and in none of {@code notNets};</li>
 *   <li>the address is in EVERY set of {@code ipSetIds} and in NONE of {@code notIpSetIds} (selectors,
 *       namespace and service-account selectors were folded into one set per selector expression);</li>
 *   <li>the port is in one of {@code ports} OR the (address, protocol, port) triple is in one of
 *       {@code namedPortIpSetIds} (if either list is non-empty), and is in none of {@code notPorts} nor of
 *       {@code notNamedPortIpSetIds}.</li>
 * </ul>
 */
public record RuleMatch(List<String> nets, List<String> notNets, List<String> ipSetIds, List<String> notIpSetIds,
                        List<PortRange> ports, List<PortRange> notPorts, List<String> namedPortIpSetIds,
                        List<String> notNamedPortIpSetIds) {
    public static final RuleMatch ANY = new RuleMatch(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of());

    public RuleMatch {
        nets = List.copyOf(nets);
        notNets = List.copyOf(notNets);
        ipSetIds = List.copyOf(ipSetIds);
        notIpSetIds = List.copyOf(notIpSetIds);
        ports = List.copyOf(ports);
        notPorts = List.copyOf(notPorts);
        namedPortIpSetIds = List.copyOf(namedPortIpSetIds);
        notNamedPortIpSetIds = List.copyOf(notNamedPortIpSetIds);
    }

    /** Every IP set this side refers to. */
    public List<String> allIpSetIds() {
        var all = new java.util.ArrayList<String>(ipSetIds);
        all.addAll(notIpSetIds);
        all.addAll(namedPortIpSetIds);
        all.addAll(notNamedPortIpSetIds);
        return all;
    }
}
