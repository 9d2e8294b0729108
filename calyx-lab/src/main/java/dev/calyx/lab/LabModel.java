package dev.calyx.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed cluster every case runs against ({@code model.yaml}): the matrix order, the namespaces with their labels,
 * and the pods with their labels and the template's named container ports.
 *
 * <p>Only the fields the lab acts on are read; the upstream notes (services, probe tool) are documentation.
 */
public record LabModel(List<PodRef> order, List<NamespaceSpec> namespaces, List<PodSpec> pods) {
    public LabModel {
        order = List.copyOf(order);
        namespaces = List.copyOf(namespaces);
        pods = List.copyOf(pods);
        Set<PodRef> declared = new HashSet<>();
        Set<String> nsNames = new HashSet<>();
        namespaces.forEach(n -> nsNames.add(n.name()));
        for (PodSpec p : pods) {
            if (!declared.add(p.ref())) {
                throw new LabFormatException("model: pod " + p.ref() + " declared twice");
            }
            if (!nsNames.contains(p.ref().namespace())) {
                throw new LabFormatException("model: pod " + p.ref() + " is in undeclared namespace "
                        + p.ref().namespace());
            }
        }
        if (!declared.equals(new HashSet<>(order)) || order.size() != pods.size()) {
            throw new LabFormatException("model: order " + order + " must list every pod exactly once");
        }
    }

    public static LabModel load(Path file) {
        JsonNode root = Yaml.read(file);
        String where = file.toString();
        List<PodRef> order = new ArrayList<>();
        for (JsonNode n : Yaml.list(root, "order", where)) {
            order.add(parseRef(n.asText(), where + ".order"));
        }
        List<NamespaceSpec> namespaces = new ArrayList<>();
        for (JsonNode n : Yaml.list(root, "namespaces", where)) {
            namespaces.add(new NamespaceSpec(Yaml.text(n, "name", where + ".namespaces"),
                    Yaml.stringMap(n, "labels", where + ".namespaces")));
        }
        JsonNode template = Yaml.required(root, "pod_template", where);
        List<ContainerPort> ports = new ArrayList<>();
        for (JsonNode p : Yaml.list(template, "ports", where + ".pod_template")) {
            String w = where + ".pod_template.ports";
            ports.add(new ContainerPort(Yaml.text(p, "name", w), Yaml.integer(p, "containerPort", w),
                    p.hasNonNull("protocol") ? Protocol.parse(p.get("protocol").asText()) : Protocol.TCP));
        }
        List<PodSpec> pods = new ArrayList<>();
        for (JsonNode p : Yaml.list(root, "pods", where)) {
            String w = where + ".pods";
            PodRef ref = new PodRef(Yaml.text(p, "namespace", w), Yaml.text(p, "name", w));
            pods.add(new PodSpec(ref, Yaml.stringMap(p, "labels", w), ports));
        }
        try {
            return new LabModel(order, namespaces, pods);
        } catch (LabFormatException e) {
            throw new LabFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static PodRef parseRef(String text, String where) {
        try {
            return PodRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new LabFormatException(where + ": " + e.getMessage(), e);
        }
    }

    public Optional<PodSpec> pod(PodRef ref) {
        return pods.stream().filter(p -> p.ref().equals(ref)).findFirst();
    }

    public Map<String, String> namespaceLabels(String name) {
        return namespaces.stream().filter(n -> n.name().equals(name)).findFirst()
                .map(NamespaceSpec::labels)
                .orElseThrow(() -> new LabFormatException("model: no namespace " + name));
    }

    /** The pods in matrix order. */
    public List<PodSpec> podsInOrder() {
        return order.stream().map(r -> pod(r).orElseThrow()).toList();
    }
}
