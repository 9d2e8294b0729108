package dev.calyx.cli.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A minimal container root filesystem from Debian's busybox-static: no image pull, no registry, so the demo works
 * offline. {@code podman run --rootfs DIR} starts containers from it.
 */
public final class DemoRootfs {
    static final Path BUSYBOX = Path.of("/bin/busybox");
    static final List<String> APPLETS = List.of("sh", "ip", "ping", "sleep", "nc", "cat", "ls", "hostname");

    private DemoRootfs() {}

    /** Builds (or refreshes) the rootfs in {@code dir}; returns it. */
    public static Path build(Path dir) {
        if (!Files.isExecutable(BUSYBOX)) {
            throw new IllegalStateException(BUSYBOX + " is missing: install Debian's busybox-static (./calyx setup)");
        }
        try {
            for (String sub : List.of("bin", "proc", "sys", "dev", "etc", "tmp")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.copy(BUSYBOX, dir.resolve("bin/busybox"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
            for (String applet : APPLETS) {
                Path link = dir.resolve("bin").resolve(applet);
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, Path.of("busybox"));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("build demo rootfs in " + dir + ": " + e.getMessage(), e);
        }
    }
}
