package dev.calyx.model.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.numorstring.Port;

import java.util.List;

/** Source or destination match criteria of a {@link Rule}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityRule(
        List<String> nets,
        String selector,
        String namespaceSelector,
        ServiceMatch services,
        List<Port> ports,
        List<String> notNets,
        String notSelector,
        List<Port> notPorts,
        ServiceAccountMatch serviceAccounts) {

    public static final EntityRule EMPTY = new EntityRule(null, null, null, null, null, null, null, null, null);

    public EntityRule {
        nets = copy(nets);
        ports = copy(ports);
        notNets = copy(notNets);
        notPorts = copy(notPorts);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    public static EntityRule selecting(String selector, String namespaceSelector) {
        return new EntityRule(null, selector, namespaceSelector, null, null, null, null, null, null);
    }

    public EntityRule withNets(List<String> newNets, List<String> newNotNets) {
        return new EntityRule(newNets, selector, namespaceSelector, services, ports, newNotNets, notSelector,
                notPorts, serviceAccounts);
    }

    public EntityRule withPorts(List<Port> newPorts) {
        return new EntityRule(nets, selector, namespaceSelector, services, newPorts, notNets, notSelector, notPorts,
                serviceAccounts);
    }

    public List<String> netsOrEmpty() {
        return nets == null ? List.of() : nets;
    }

    public List<String> notNetsOrEmpty() {
        return notNets == null ? List.of() : notNets;
    }

    public List<Port> portsOrEmpty() {
        return ports == null ? List.of() : ports;
    }

    public List<Port> notPortsOrEmpty() {
        return notPorts == null ? List.of() : notPorts;
    }
}
