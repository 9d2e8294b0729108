package dev.calyx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code calyx quickstart}: brings calyx up on this host. {@code ./calyx quickstart} has already installed the
 * Debian packages and built calyx by the time this runs.
 *
 * <p>The node agent and the CNI plugin do not exist yet, so for now this says honestly what is in place and
 * what arrives with the CNI/agent issue, rather than pretending.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Bring calyx up on this host (agent, CNI config, demo containers).")
public final class QuickstartCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("calyx " + VersionCommand.calyxVersion() + " is built; Debian packages are installed.");
        System.out.println("Not yet available: the node agent, CNI plugin and demo containers arrive with the");
        System.out.println("CNI/agent work. Until then, try: ./calyx --help, ./calyx version, ./calyx test.");
        return 0;
    }
}
