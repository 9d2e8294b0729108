package dev.calyx.preflight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The container runtime uses the first network config in the CNI config directory in file-name order (libcni's
 * {@code ConfFiles}: {@code .conf}, {@code .conflist}, {@code .json}). A config that sorts before
 * {@value #OURS} wins and pods never reach calyx; that is a FAIL naming each file. Configs that sort after ours are
 * not picked by the kubelet but still mean two network providers on one host: a WARN. Unreadable or non-JSON files
 * are named too, because runtimes differ in whether they skip or stop at them.
 */
public final class CniConfigCheck implements Check {
    public static final String OURS = "10-calyx.conflist";
    static final String NAME = "cni.configs";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One config file as the runtime would see it. */
    record ConfFile(Path path, String summary, boolean valid) {
        String fileName() {
            return path.getFileName().toString();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        Path dir = ctx.paths().cniConfDir();
        if (!Files.isDirectory(dir)) {
            return List.of(CheckResult.pass(NAME, dir + " does not exist yet; calyx will create it with " + OURS));
        }
        List<ConfFile> files;
        try {
            files = list(dir);
        } catch (IOException e) {
            return List.of(CheckResult.fail(NAME, "cannot list " + dir + ": " + e.getMessage(),
                    "make " + dir + " a readable directory"));
        }
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        boolean oursPresent = false;
        for (ConfFile f : files) {
            if (f.fileName().equals(OURS)) {
                oursPresent = true;
            } else {
                (f.fileName().compareTo(OURS) < 0 ? before : after).add(f.fileName() + " (" + f.summary() + ")");
            }
        }
        String ours = oursPresent ? OURS + " present" : OURS + " not installed yet";
        String moveFix = "move them out of " + dir + " (e.g. mkdir -p " + dir + ".disabled && mv FILE " + dir
                + ".disabled/): calyx must be the only network provider";
        if (!before.isEmpty()) {
            return List.of(CheckResult.fail(NAME, ours + "; sorting before it (these win): " + String.join(", ", before)
                    + (after.isEmpty() ? "" : "; after it: " + String.join(", ", after)), moveFix));
        }
        if (!after.isEmpty()) {
            return List.of(CheckResult.warn(NAME, ours + "; other configs sorting after it: " + String.join(", ", after),
                    moveFix));
        }
        return List.of(CheckResult.pass(NAME, ours + "; no other configs in " + dir));
    }

    static List<ConfFile> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(CniConfigCheck::isConfName).sorted().map(CniConfigCheck::describe).toList();
        }
    }

    private static boolean isConfName(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".conf") || n.endsWith(".conflist") || n.endsWith(".json");
    }

    static ConfFile describe(Path p) {
        String text;
        try {
            text = Files.readString(p);
        } catch (IOException | RuntimeException e) {
            return new ConfFile(p, "unreadable: " + e.getMessage(), false);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new ConfFile(p, "not valid JSON: " + e.getOriginalMessage(), false);
        }
        if (root == null || !root.isObject()) {
            return new ConfFile(p, "not a JSON object", false);
        }
        List<String> types = new ArrayList<>();
        if (root.has("plugins")) {
            root.get("plugins").forEach(pl -> types.add(pl.path("type").asText("?")));
        } else {
            types.add(root.path("type").asText("?"));
        }
        return new ConfFile(p, "network \"" + root.path("name").asText("?") + "\", plugins " + String.join(",", types),
                true);
    }
}
