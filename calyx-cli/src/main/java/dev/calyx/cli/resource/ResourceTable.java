package dev.calyx.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.model.Kind;
import dev.calyx.model.Resource;
import dev.calyx.model.codec.ResourceCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table {@code calyx get} prints by default ({@code -o ps}) and with {@code -o wide}: calicoctl's columns for the
 * kinds operators look at most, NAME (and NAMESPACE) for the rest. Columns are JSON pointers into the encoded
 * object, so the table shows exactly what {@code -o yaml} would.
 */
final class ResourceTable {
    private record Column(String header, String pointer) {}

    private static final Map<Kind, List<Column>> PS = Map.of(
            Kind.IP_POOL, List.of(new Column("CIDR", "/spec/cidr"), new Column("SELECTOR", "/spec/nodeSelector")),
            Kind.GLOBAL_NETWORK_POLICY, List.of(new Column("ORDER", "/spec/order")),
            Kind.NETWORK_POLICY, List.of(new Column("ORDER", "/spec/order")),
            Kind.NODE, List.of(new Column("IPV4", "/spec/bgp/ipv4Address")),
            Kind.BGP_PEER, List.of(new Column("PEERIP", "/spec/peerIP"), new Column("ASN", "/spec/asNumber")),
            Kind.TIER, List.of(new Column("ORDER", "/spec/order")));

    private static final Map<Kind, List<Column>> WIDE_EXTRA = Map.of(
            Kind.IP_POOL, List.of(new Column("BLOCKSIZE", "/spec/blockSize"), new Column("IPIP", "/spec/ipipMode"),
                    new Column("VXLAN", "/spec/vxlanMode"), new Column("NAT", "/spec/natOutgoing"),
                    new Column("DISABLED", "/spec/disabled")),
            Kind.GLOBAL_NETWORK_POLICY, List.of(new Column("TIER", "/spec/tier"),
                    new Column("SELECTOR", "/spec/selector"), new Column("TYPES", "/spec/types")),
            Kind.NETWORK_POLICY, List.of(new Column("TIER", "/spec/tier"),
                    new Column("SELECTOR", "/spec/selector"), new Column("TYPES", "/spec/types")),
            Kind.WORKLOAD_ENDPOINT, List.of(new Column("NODE", "/spec/node"),
                    new Column("NETWORKS", "/spec/ipNetworks"), new Column("INTERFACE", "/spec/interfaceName")),
            Kind.HOST_ENDPOINT, List.of(new Column("NODE", "/spec/node"),
                    new Column("INTERFACE", "/spec/interfaceName")));

    private ResourceTable() {}

    static String render(Kind kind, List<Resource> items, boolean wide, boolean allNamespaces) {
        List<Column> columns = new ArrayList<>();
        if (kind.namespaced() && allNamespaces) {
            columns.add(new Column("NAMESPACE", "/metadata/namespace"));
        }
        columns.add(new Column("NAME", "/metadata/name"));
        columns.addAll(PS.getOrDefault(kind, List.of()));
        if (wide) {
            columns.addAll(WIDE_EXTRA.getOrDefault(kind, List.of()));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::header).toList());
        for (Resource r : items) {
            JsonNode tree = ResourceCodec.INSTANCE.toTree(r);
            rows.add(columns.stream().map(c -> text(tree.at(c.pointer()))).toList());
        }
        return format(rows);
    }

    private static String text(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return "";
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(e -> parts.add(e.asText()));
            return String.join(",", parts);
        }
        return n.asText();
    }

    private static String format(List<List<String>> rows) {
        int[] widths = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                sb.append(i == row.size() - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 3));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
