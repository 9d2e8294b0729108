package dev.calyx.cli.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * calyx's files on the host: what the install manifest lists, plus the well-known places (conflist, plugin
 * executables, shim dir, state, run and log dirs, NetworkManager snippet) so that an install whose manifest was
 * lost, or one made by hand, is still cleaned up. Like {@link KernelTraces}, one {@link #find()} serves both
 * removal and verification.
 *
 * <p>{@code keepData} keeps /var/lib/calyx (the embedded datastore and DEL queue) and /var/log/calyx; only the
 * manifest inside it goes, since nothing is installed any more.
 */
public final class FileTraces {
    private final HostLayout layout;
    private final boolean keepData;

    public FileTraces(HostLayout layout, boolean keepData) {
        this.layout = layout;
        this.keepData = keepData;
    }

    /** The existing paths to remove, files before the directories that may hold them. */
    public List<Path> find() {
        Set<Path> candidates = new LinkedHashSet<>();
        InstallManifest.read(layout.manifest()).ifPresent(m -> {
            m.files().forEach(f -> candidates.add(Path.of(f)));
            m.directories().forEach(d -> candidates.add(Path.of(d)));
        });
        candidates.add(layout.conflist());
        layout.cniBinDirs().forEach(d -> candidates.add(d.resolve(HostLayout.PLUGIN_NAME)));
        candidates.add(layout.nmFile());
        candidates.add(layout.shimDir());
        candidates.add(layout.runDir());
        if (keepData) {
            candidates.add(layout.manifest());
        } else {
            candidates.add(layout.stateDir());
            candidates.add(layout.logDir());
        }
        List<Path> present = new ArrayList<>();
        for (Path p : candidates) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                present.add(p);
            }
        }
        return present;
    }

    /** Removes every found path (directories recursively); returns what was removed. */
    public List<Path> removeAll(List<String> failures) {
        List<String> parents = new ArrayList<>(InstallManifest.read(layout.manifest())
                .map(InstallManifest::createdParents).orElse(List.of()));
        parents.sort(java.util.Comparator.comparingInt(String::length).reversed());
        List<Path> removed = new ArrayList<>();
        for (Path p : find()) {
            try {
                delete(p);
                removed.add(p);
            } catch (UncheckedIOException e) {
                failures.add(e.getMessage());
            }
        }
        for (String dir : parents) { // deepest first; a directory someone else now uses stays
            try {
                if (Files.deleteIfExists(Path.of(dir))) {
                    removed.add(Path.of(dir));
                }
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // not ours alone any more
            } catch (IOException e) {
                failures.add("remove " + dir + ": " + e);
            }
        }
        return removed;
    }

    private static void delete(Path p) {
        try {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                        Files.deleteIfExists(f);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                        Files.deleteIfExists(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("remove " + p + ": " + e, e);
        }
    }
}
