package dev.calyx.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One truth-table case file (see {@code shared/conformance/netpol/README.md} section 2): an id, a slug, the upstream
 * test name, whether from == to cells are compared, and the steps. Provenance fields (upstream, tags, notes) are
 * documentation and not kept.
 */
public record ConformanceCase(String id, String slug, String name, boolean ignoreLoopback, List<Step> steps,
                              Path source) {
    public ConformanceCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("case " + id + ": steps must not be empty");
        }
    }

    public static ConformanceCase load(Path file) {
        JsonNode root = Yaml.read(file);
        String where = file.toString();
        JsonNode compare = root.path("compare");
        boolean ignoreLoopback = compare.path("ignore_loopback").asBoolean(false);
        List<Step> steps = new ArrayList<>();
        List<JsonNode> stepNodes = Yaml.list(root, "steps", where);
        for (int i = 0; i < stepNodes.size(); i++) {
            steps.add(parseStep(stepNodes.get(i), where + " step " + (i + 1)));
        }
        try {
            return new ConformanceCase(Yaml.text(root, "id", where), Yaml.text(root, "slug", where),
                    Yaml.text(root, "name", where), ignoreLoopback, steps, file);
        } catch (IllegalArgumentException e) {
            throw new LabFormatException(where + ": " + e.getMessage(), e);
        }
    }

    /** Every {@code *.yaml} / {@code *.yml} case under the given files and directories, sorted by file name. */
    public static List<ConformanceCase> loadAll(List<Path> filesOrDirs) {
        List<Path> files = new ArrayList<>();
        for (Path p : filesOrDirs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                            .filter(f -> !f.getFileName().toString().equals("model.yaml"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new LabFormatException(p + ": cannot list: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new LabFormatException(p + ": no such file or directory");
            }
        }
        return files.stream().map(ConformanceCase::load).toList();
    }

    private static Step parseStep(JsonNode node, String where) {
        List<PolicyRef> delete = new ArrayList<>();
        for (JsonNode d : Yaml.list(node, "delete", where)) {
            delete.add(new PolicyRef(Yaml.text(d, "namespace", where + ".delete"),
                    Yaml.text(d, "name", where + ".delete")));
        }
        List<Relabel> relabel = new ArrayList<>();
        for (JsonNode r : Yaml.list(node, "relabel", where)) {
            relabel.add(parseRelabel(r, where + ".relabel"));
        }
        List<ProbeSpec> probes = new ArrayList<>();
        for (JsonNode p : Yaml.list(node, "probes", where)) {
            String w = where + " probe " + (probes.size() + 1);
            try {
                probes.add(new ProbeSpec(Yaml.integer(p, "port", w), Protocol.parse(Yaml.text(p, "protocol", w)),
                        Matrix.parse(Yaml.text(p, "expect", w), w + ".expect")));
            } catch (IllegalArgumentException e) {
                throw new LabFormatException(w + ": " + e.getMessage(), e);
            }
        }
        try {
            JsonNode description = node.get("description");
            return new Step(description == null ? "" : description.asText(), Yaml.list(node, "apply", where),
                    delete, relabel, probes);
        } catch (IllegalArgumentException e) {
            throw new LabFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static Relabel parseRelabel(JsonNode r, String where) {
        String kindText = Yaml.text(r, "kind", where);
        Relabel.Kind kind;
        try {
            kind = Relabel.Kind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            throw new LabFormatException(where + ".kind: '" + kindText + "', want Namespace or Pod", e);
        }
        String name = Yaml.text(r, "name", where);
        String namespace = kind == Relabel.Kind.Pod ? Yaml.text(r, "namespace", where) : name;
        List<String> remove = new ArrayList<>();
        Yaml.list(r, "remove", where).forEach(k -> remove.add(k.asText()));
        try {
            return new Relabel(kind, namespace, name, Yaml.stringMap(r, "add", where), remove);
        } catch (IllegalArgumentException e) {
            throw new LabFormatException(where + ": " + e.getMessage(), e);
        }
    }
}
