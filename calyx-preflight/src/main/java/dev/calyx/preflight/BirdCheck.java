package dev.calyx.preflight;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * BGP mode hands route distribution to BIRD: the daemon ({@code bird}) and a control client ({@code birdc} or
 * {@code birdcl}) must be installed. Other modes do not need it; the row then only says whether it is there.
 */
public final class BirdCheck implements Check {
    static final String NAME = "bird";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        Optional<Path> bird = find(ctx.searchPath(), "bird");
        Optional<Path> client = find(ctx.searchPath(), "birdc").or(() -> find(ctx.searchPath(), "birdcl"));
        String version = bird.map(b -> version(b, ctx)).orElse("");
        String found = bird.map(b -> b + (version.isEmpty() ? "" : " (" + version + ")")).orElse("bird not found")
                + ", " + client.map(Path::toString).orElse("birdc/birdcl not found");
        if (ctx.mode() != Mode.BGP) {
            return List.of(CheckResult.skip(NAME, "not needed in mode " + ctx.mode().cliName() + "; " + found));
        }
        if (bird.isPresent() && client.isPresent()) {
            return List.of(CheckResult.pass(NAME, found));
        }
        return List.of(CheckResult.fail(NAME, found + " in " + ctx.searchPath(),
                "apt-get install bird2 (Debian/Ubuntu) or dnf install bird; BGP mode needs bird and birdc")
                .withRulesOut(List.of("mode bgp")));
    }

    static Optional<Path> find(List<Path> dirs, String binary) {
        return dirs.stream().map(d -> d.resolve(binary)).filter(Files::isExecutable).findFirst();
    }

    /** "BIRD version 2.0.12" (BIRD prints it on stderr). */
    private static String version(Path bird, PreflightContext ctx) {
        Exec.Result r = Exec.run(ctx.timeout(), bird.toString(), "--version");
        String text = (r.stderr() + r.stdout()).strip();
        return r.ok() ? text.lines().findFirst().orElse("") : "";
    }
}
