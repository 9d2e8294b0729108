package dev.calyx.preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one host change {@code calyx preflight --fix} makes: a NetworkManager {@code conf.d} snippet that leaves
 * calyx's interfaces unmanaged. It is safe (it only stops NetworkManager touching interfaces calyx owns) and
 * reversible (delete the file, reload). It uses {@code +=} so it adds to unmanaged devices configured elsewhere
 * instead of replacing them, which a plain {@code =} (Calico's {@code calico.conf}) would do.
 */
public final class NetworkManagerFix {
    public static final String FILE_NAME = "calyx.conf";
    public static final String CONTENT = """
            # Written by calyx preflight --fix: keep NetworkManager away from calyx's interfaces.
            # Remove this file and run `nmcli general reload` to undo.
            [keyfile]
            unmanaged-devices+=interface-name:cali*;interface-name:tunl*;interface-name:vxlan.calico;\
            interface-name:vxlan-v6.calico;interface-name:wireguard.cali;interface-name:wg-v6.cali
            """;

    private NetworkManagerFix() {}

    /**
     * Writes the snippet if the NetworkManager check did not pass and NetworkManager is installed, then asks a
     * running NetworkManager to reload. Returns one line per change made (empty when nothing needed changing).
     */
    public static List<String> apply(PreflightContext ctx, List<CheckResult> results) {
        Optional<CheckResult> nm = results.stream().filter(r -> r.name().equals(NetworkManagerCheck.NAME)).findFirst();
        if (nm.isEmpty() || nm.get().status() == Status.PASS || !Files.isDirectory(ctx.paths().networkManager())) {
            return List.of();
        }
        List<String> changes = new ArrayList<>();
        Path file = NetworkManagerCheck.fixFile(ctx.paths());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, CONTENT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("write " + file + ": " + e.getMessage(), e);
        }
        changes.add("wrote " + file + " (NetworkManager leaves cali*, tunl*, vxlan.calico, wireguard.cali alone; "
                + "delete it to undo)");
        if (!ctx.paths().equals(HostPaths.host())) {
            changes.add("not reloading NetworkManager: paths are not the host's (" + ctx.paths().networkManager() + ")");
        } else if (!NetworkManagerCheck.running(ctx.paths()).isEmpty()) {
            Exec.Result r = Exec.run(ctx.timeout(), "nmcli", "general", "reload");
            changes.add(r.ok() ? "ran nmcli general reload"
                    : "nmcli general reload failed: " + r.message() + " (restart NetworkManager to apply)");
        }
        return changes;
    }
}
