package dev.calyx.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What {@code calyx install} put on the host, so {@code calyx uninstall} removes exactly that: files (conflist,
 * plugin executables, NetworkManager snippet), directories it owns whole (the shim dir), and parent directories
 * it had to create ({@code createdParents}: /opt/cni/bin on a podman-only host), which uninstall removes only
 * when they are empty again, since other plugins may have moved in. Kept as JSON at
 * {@link HostLayout#manifest()}; an install over an earlier one merges, so nothing written earlier is forgotten.
 */
public record InstallManifest(String calyxVersion, List<String> files, List<String> directories,
                              List<String> createdParents) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public InstallManifest {
        files = List.copyOf(files);
        directories = List.copyOf(directories);
        createdParents = createdParents == null ? List.of() : List.copyOf(createdParents);
    }

    public static Optional<InstallManifest> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), InstallManifest.class));
        } catch (IOException e) {
            throw new UncheckedIOException("read install manifest " + file + ": " + e.getMessage(), e);
        }
    }

    public InstallManifest merge(InstallManifest earlier) {
        List<String> f = new ArrayList<>(new LinkedHashSet<>(concat(earlier.files, files)));
        List<String> d = new ArrayList<>(new LinkedHashSet<>(concat(earlier.directories, directories)));
        List<String> c = new ArrayList<>(new LinkedHashSet<>(concat(earlier.createdParents, createdParents)));
        return new InstallManifest(calyxVersion, f, d, c);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public void write(Path file) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(this), false);
        } catch (IOException e) {
            throw new UncheckedIOException("write install manifest " + file + ": " + e.getMessage(), e);
        }
    }
}
