package dev.calyx.preflight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Small read helpers: host files that may be absent are a finding, not an error. */
final class HostFiles {
    private HostFiles() {}

    static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> firstLine(Path p) {
        return read(p).flatMap(s -> s.lines().findFirst()).map(String::strip);
    }
}
