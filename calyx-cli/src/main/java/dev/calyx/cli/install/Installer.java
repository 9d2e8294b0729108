package dev.calyx.cli.install;

import dev.calyx.preflight.NetworkManagerFix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code calyx install}: the shim, the plugin executable in every CNI bin dir, the conflist, the NetworkManager
 * snippet (only where NetworkManager is), and a manifest of all of it.
 *
 * <p>Design: every file lands by temp + rename and is left alone when its content is already right, so
 * re-running install is a no-op that says "unchanged", and a runtime executing the plugin mid-install never
 * sees a torn file. A dry run reports the same steps without touching anything (the shim is then not built,
 * and a plugin not built yet is reported as "would copy").
 */
public final class Installer {
    /** One thing install did (or would do). {@code changed} false means it was already in place. */
    public record Step(String action, Path path, boolean changed) {
        public Step {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return action + " " + path;
        }
    }

    /** Builds the shim into a directory; the real one runs build-shim.sh, tests may substitute a stub. */
    @FunctionalInterface
    public interface ShimBuilder {
        List<String> build(Path shimDir, Path socket, Path delQueue);
    }

    private final HostLayout layout;
    private final ShimBuilder shimBuilder;
    private final Path socket;
    private final Path delQueue;
    private final int mtu;

    public Installer(HostLayout layout, ShimBuilder shimBuilder, Path socket, Path delQueue, int mtu) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.shimBuilder = Objects.requireNonNull(shimBuilder, "shimBuilder");
        this.socket = Objects.requireNonNull(socket, "socket");
        this.delQueue = Objects.requireNonNull(delQueue, "delQueue");
        this.mtu = mtu;
    }

    public static Installer forHost(HostLayout layout) {
        return new Installer(layout, ShimBuild::build, layout.cniSocket(), layout.delQueue(), 0);
    }

    /** Installs (or, with {@code dryRun}, lists what would be installed). Build output goes to {@code log}. */
    public List<Step> install(boolean dryRun, List<String> log) {
        List<Step> steps = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        List<String> parents = missingParents();
        steps.add(shim(dryRun, log));
        dirs.add(layout.shimDir().toString());
        Path wrapper = layout.shimDir().resolve(HostLayout.PLUGIN_NAME);
        byte[] plugin = Files.isRegularFile(wrapper) ? read(wrapper) : null;
        for (Path dir : layout.cniBinDirs()) {
            Path target = dir.resolve(HostLayout.PLUGIN_NAME);
            steps.add(place(target, plugin, true, dryRun, "plugin"));
            files.add(target.toString());
        }
        steps.add(place(layout.conflist(), bytes(Conflist.render(layout.logDir().resolve("cni.log").toString(), mtu)),
                false, dryRun, "conflist"));
        files.add(layout.conflist().toString());
        if (layout.networkManagerPresent()) {
            steps.add(place(layout.nmFile(), bytes(NetworkManagerFix.CONTENT), false, dryRun,
                    "NetworkManager unmanaged-devices file"));
            files.add(layout.nmFile().toString());
        }
        steps.addAll(directories(dryRun));
        InstallManifest manifest = new InstallManifest(dev.calyx.cli.VersionCommand.calyxVersion(), files, dirs,
                parents);
        if (!dryRun) {
            InstallManifest.read(layout.manifest()).map(manifest::merge).orElse(manifest).write(layout.manifest());
        }
        steps.add(new Step(dryRun ? "would record in" : "recorded in", layout.manifest(), true));
        return steps;
    }

    private Step shim(boolean dryRun, List<String> log) {
        boolean existed = Files.isDirectory(layout.shimDir());
        if (dryRun) {
            return new Step(existed ? "would rebuild if stale" : "would build shim into", layout.shimDir(), !existed);
        }
        log.addAll(shimBuilder.build(layout.shimDir(), socket, delQueue));
        return new Step("built shim (up to date unless listed above)", layout.shimDir(), !existed);
    }

    private List<Step> directories(boolean dryRun) {
        List<Step> steps = new ArrayList<>();
        for (Path d : List.of(layout.stateDir(), layout.runDir(), layout.logDir())) {
            boolean exists = Files.isDirectory(d);
            if (!dryRun && !exists) {
                mkdirs(d);
            }
            steps.add(new Step(exists ? "directory present" : (dryRun ? "would create" : "created"), d, !exists));
        }
        return steps;
    }

    /** Ancestors of what install writes that do not exist yet, deepest first. */
    private List<String> missingParents() {
        List<Path> roots = new ArrayList<>(layout.cniBinDirs());
        roots.addAll(List.of(layout.cniConfDir(), layout.shimDir().getParent(), layout.stateDir().getParent(),
                layout.runDir().getParent(), layout.logDir().getParent()));
        List<String> missing = new ArrayList<>();
        for (Path r : roots) {
            for (Path p = r; p != null && !Files.exists(p); p = p.getParent()) {
                if (!missing.contains(p.toString())) {
                    missing.add(p.toString());
                }
            }
        }
        missing.sort(java.util.Comparator.comparingInt(String::length).reversed());
        return missing;
    }

    private static Step place(Path target, byte[] content, boolean executable, boolean dryRun, String what) {
        if (content != null && AtomicFiles.same(target, content)) {
            return new Step(what + " unchanged", target, false);
        }
        if (dryRun) {
            return new Step("would write " + what, target, true);
        }
        if (content == null) {
            throw new IllegalStateException("install " + target + ": the shim build produced no plugin executable");
        }
        AtomicFiles.write(target, content, executable);
        return new Step("wrote " + what, target, true);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("read " + p + ": " + e.getMessage(), e);
        }
    }

    private static void mkdirs(Path d) {
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException("create " + d + ": " + e.getMessage(), e);
        }
    }
}
