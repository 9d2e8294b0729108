package dev.calyx.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared conformance samples: the sibling {@code shared/} of the repository root. */
public final class SharedDir {
    private SharedDir() {
    }

    /** The {@code shared/conformance/calico} directory, if a parent of the working directory holds it. */
    public static Optional<Path> calicoConformance() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("conformance").resolve("calico");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
