package dev.calyx.cli.install;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code calyx uninstall}: stops a background agent, removes calyx's kernel objects ({@link KernelTraces}) and
 * files ({@link FileTraces}), then looks again and reports whatever is left.
 *
 * <p>Design: the agent goes first, else it would re-create routes and veths while they are being removed.
 * Removal carries on past individual failures so one stuck object does not hide the rest; the verification pass
 * is what decides success.
 */
public final class Uninstaller {
    /** What uninstall did; {@code remaining} non-empty means calyx is not fully gone. */
    public record Outcome(List<String> removed, List<String> failures, List<String> remaining) {
        public Outcome {
            removed = List.copyOf(removed);
            failures = List.copyOf(failures);
            remaining = List.copyOf(remaining);
        }

        public boolean clean() {
            return remaining.isEmpty() && failures.isEmpty();
        }
    }

    private final HostLayout layout;
    private final KernelTraces kernel;
    private final FileTraces files;

    public Uninstaller(HostLayout layout, KernelTraces kernel, boolean keepData) {
        this.layout = layout;
        this.kernel = kernel;
        this.files = new FileTraces(layout, keepData);
    }

    /** Lists what uninstall would remove, changing nothing. */
    public List<String> plan() {
        List<String> plan = new ArrayList<>();
        AgentProcess.running(layout.agentPidFile()).ifPresent(h -> plan.add("agent process (pid " + h.pid() + ")"));
        kernel.find().forEach(t -> plan.add(t.describe()));
        files.find().forEach(p -> plan.add(p.toString()));
        return plan;
    }

    public Outcome run() {
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        AgentProcess.stop(layout.agentPidFile(), Duration.ofSeconds(30)).ifPresent(removed::add);
        kernel.removeAll(failures).forEach(t -> removed.add(t.describe()));
        for (Path p : files.removeAll(failures)) {
            removed.add(p.toString());
        }
        return new Outcome(removed, failures, remaining());
    }

    /** Everything of calyx still present. */
    public List<String> remaining() {
        List<String> left = new ArrayList<>();
        AgentProcess.running(layout.agentPidFile()).ifPresent(h -> left.add("agent process (pid " + h.pid() + ")"));
        kernel.find().forEach(t -> left.add(t.describe()));
        files.find().forEach(p -> left.add(p.toString()));
        return left;
    }
}
