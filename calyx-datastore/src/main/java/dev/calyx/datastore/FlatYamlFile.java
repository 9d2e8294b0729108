package dev.calyx.datastore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the top-level {@code key: value} lines of a YAML file such as {@code /etc/calyx/calyx.yaml}, remembering
 * the line of each so that a bad value can be reported as {@code /etc/calyx/calyx.yaml:3}.
 *
 * <p>Why not a YAML library: the datastore settings are flat scalars, and this keeps the datastore module free of
 * a YAML stack. Indented lines (sections belonging to other components), comments, {@code ---} and list items
 * are skipped; a top-level key without a value opens such a section and is skipped too. Quoted scalars lose their
 * quotes. Anything else at top level that is not {@code key: value} is an error naming the line.
 */
final class FlatYamlFile {
    /** A value and where it was written ({@code file:line}). */
    record Entry(String value, String source) {}

    private FlatYamlFile() {}

    /** The file's top-level scalars; empty if the file does not exist. */
    static Map<String, Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read configuration file: " + e, e);
        }
        Map<String, Entry> entries = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String source = file + ":" + (i + 1);
            String line = stripComment(lines.get(i));
            if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || line.startsWith("---")
                    || line.startsWith("- ")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(source + ": expected \"key: value\", found \"" + line.strip()
                        + "\"");
            }
            String key = line.substring(0, colon).strip();
            String value = unquote(line.substring(colon + 1).strip());
            Entry previous = entries.put(key, new Entry(value, source));
            if (previous != null) {
                throw new IllegalArgumentException(source + ": duplicate key \"" + key + "\" (first set at "
                        + previous.source() + ")");
            }
        }
        entries.values().removeIf(e -> e.value().isEmpty());
        return entries;
    }

    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
