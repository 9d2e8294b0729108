package dev.calyx.preflight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * NetworkManager's effective {@code [keyfile] unmanaged-devices} list, computed the way NetworkManager merges its
 * configuration: {@code NetworkManager.conf} first, then the {@code conf.d/*.conf} snippets of {@code /run} and
 * {@code /etc} in order of file name (a same-named file in {@code /etc} shadows the one in {@code /run}). A plain
 * {@code unmanaged-devices=} replaces the list so far, {@code +=} appends and {@code -=} removes, so the order
 * matters: a snippet that sorts after {@code calico.conf} and sets a plain value silently undoes it.
 *
 * <p>Each entry remembers the file it came from, so the report can say "covered by conf.d/calico.conf".
 */
public final class NetworkManagerConfig {
    /** One device spec ("interface-name:cali*") and the file that contributed it. */
    public record Entry(String spec, Path file) {}

    private final List<Entry> unmanaged;
    private final List<Path> filesRead;
    private final Optional<Path> replacedBy;

    private NetworkManagerConfig(List<Entry> unmanaged, List<Path> filesRead, Optional<Path> replacedBy) {
        this.unmanaged = List.copyOf(unmanaged);
        this.filesRead = List.copyOf(filesRead);
        this.replacedBy = replacedBy;
    }

    /** Reads {@code nmDir} (normally /etc/NetworkManager) and {@code runNmDir} (/run/NetworkManager). */
    public static NetworkManagerConfig read(Path nmDir, Path runNmDir) {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(nmDir.resolve("NetworkManager.conf"))) {
            files.add(nmDir.resolve("NetworkManager.conf"));
        }
        Map<String, Path> snippets = new TreeMap<>();
        for (Path dir : List.of(runNmDir.resolve("conf.d"), nmDir.resolve("conf.d"))) {
            for (Path f : listConf(dir)) {
                snippets.put(f.getFileName().toString(), f);
            }
        }
        files.addAll(snippets.values());
        List<Entry> list = new ArrayList<>();
        Path replaced = null;
        for (Path f : files) {
            if (apply(f, list)) {
                replaced = f;
            }
        }
        return new NetworkManagerConfig(list, files, Optional.ofNullable(replaced));
    }

    private static List<Path> listConf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Applies one file; true when it replaced the list with a plain {@code unmanaged-devices=}. */
    private static boolean apply(Path file, List<Entry> list) {
        boolean replaced = false;
        String section = "";
        for (String raw : HostFiles.read(file).orElse("").lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (!section.equals("keyfile") || eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            List<String> specs = splitSpecs(line.substring(eq + 1));
            switch (key) {
                case "unmanaged-devices" -> {
                    replaced = true;
                    list.clear();
                    specs.forEach(s -> list.add(new Entry(s, file)));
                }
                case "unmanaged-devices+" -> specs.forEach(s -> list.add(new Entry(s, file)));
                case "unmanaged-devices-" -> list.removeIf(e -> specs.contains(e.spec()));
                default -> { }
            }
        }
        return replaced;
    }

    private static List<String> splitSpecs(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split("[;,]")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    public List<Entry> unmanaged() {
        return unmanaged;
    }

    /** The last file that set a plain {@code unmanaged-devices=}, discarding what earlier files listed. */
    public Optional<Path> replacedBy() {
        return replacedBy;
    }

    public List<Path> filesRead() {
        return filesRead;
    }

    /** The entry that makes NetworkManager leave {@code ifname} (of link kind {@code kind}) alone, if any. */
    public Optional<Entry> coverage(String ifname, String kind) {
        return unmanaged.stream().filter(e -> matches(e.spec(), ifname, kind)).findFirst();
    }

    /** Device-spec matching as NetworkManager does it for the forms that can name our interfaces. */
    static boolean matches(String spec, String ifname, String kind) {
        if (spec.startsWith("interface-name:")) {
            String pat = spec.substring("interface-name:".length());
            if (pat.startsWith("=")) {
                return pat.substring(1).equals(ifname);
            }
            return glob(pat.startsWith("~") ? pat.substring(1) : pat, ifname);
        }
        if (spec.startsWith("type:")) {
            return spec.substring("type:".length()).equals(kind);
        }
        return spec.equals("*");
    }

    static boolean glob(String pattern, String s) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return s.matches(re.toString());
    }

    /** Files that contributed to the effective list, for evidence. */
    public Map<Path, List<String>> byFile() {
        Map<Path, List<String>> m = new LinkedHashMap<>();
        unmanaged.forEach(e -> m.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e.spec()));
        return m;
    }
}
