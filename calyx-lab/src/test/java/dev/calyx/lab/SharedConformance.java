package dev.calyx.lab;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/conformance/netpol}, the sibling {@code ../shared} of the repository root. */
final class SharedConformance {
    private SharedConformance() {}

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/conformance/netpol");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("shared/conformance/netpol not found above " + Path.of("").toAbsolutePath());
        throw new IllegalStateException();
    }
}
