package dev.calyx.kernel.nft;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The default backend: pipes each transaction into {@code nft -f -}, one process per call.
 *
 * <p>Design: nft reads the whole script, builds one netlink batch and the kernel commits it atomically, so a
 * failing line leaves the ruleset as it was. One spawn costs about 4 ms here, which is why callers batch a whole
 * pass into one transaction (felix: each call to iptables has a high fixed cost). With a namespace path the command
 * runs under {@code nsenter --net=PATH}, so the JVM itself never changes namespace. nft is GPL-2 but runs as a
 * separate program, which is the reason this, not {@link NftLibBackend}, is the default.
 *
 * <p>Thread safety: stateless apart from its configuration; calls from several threads are independent processes.
 */
public final class NftExecBackend extends NftJsonListing {
    private final Optional<Path> netns;
    private final NftCommandRunner runner;
    private final String nft;

    /** @param netns a namespace file such as {@code /var/run/netns/NAME}, or empty for the caller's namespace */
    public NftExecBackend(Optional<Path> netns, NftCommandRunner runner) {
        this.netns = Objects.requireNonNull(netns, "netns");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.nft = Files.isExecutable(Path.of("/usr/sbin/nft")) ? "/usr/sbin/nft" : "nft";
    }

    public NftExecBackend(Optional<Path> netns) {
        this(netns, NftCommandRunner.process());
    }

    @Override
    public void apply(NftTransaction tx) {
        run("apply", tx, List.of("-f", "-"));
    }

    @Override
    public void check(NftTransaction tx) {
        run("check", tx, List.of("--check", "-f", "-"));
    }

    @Override
    Optional<String> listJson(String command) {
        List<String> args = new ArrayList<>(List.of("-j"));
        args.addAll(List.of(command.split(" ")));
        NftCommandRunner.Result r = runner.run(argv(args), "");
        if (r.exitCode() == 0) {
            return Optional.of(r.stdout());
        }
        if (isMissing(r.stderr()) && !r.stderr().startsWith("nsenter:")) {
            return Optional.empty();
        }
        throw new NftException("nft " + command + where() + ": " + r.stderr().strip());
    }

    private void run(String action, NftTransaction tx, List<String> args) {
        if (tx.isEmpty()) {
            return;
        }
        String script = tx.script();
        NftCommandRunner.Result r = runner.run(argv(args), script);
        if (r.exitCode() != 0) {
            throw NftDiagnostics.failure(action, where(), tx, script, r.stderr());
        }
    }

    private List<String> argv(List<String> args) {
        List<String> argv = new ArrayList<>();
        netns.ifPresent(ns -> argv.addAll(List.of("nsenter", "--net=" + ns)));
        argv.add(nft);
        argv.addAll(args);
        return argv;
    }

    private String where() {
        return netns.map(ns -> " in netns " + ns).orElse("");
    }

    @Override
    public String toString() {
        return "NftExecBackend" + netns.map(ns -> "(" + ns + ")").orElse("");
    }
}
