package dev.calyx.cli.lab;

import dev.calyx.agent.NodeAgent;
import dev.calyx.lab.AgentPodNetwork;
import dev.calyx.lab.LabConfig;
import dev.calyx.lab.LabState;
import dev.calyx.lab.PodServers;
import dev.calyx.lab.ServerDaemon;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code calyx lab serve} (internal, started by {@code lab up}): opens every pod's server sockets inside its
 * namespace and serves until killed.
 */
@Command(name = "serve", hidden = true, mixinStandardHelpOptions = true,
        description = "Serve every pod of the running lab (started by 'calyx lab up'; stopped by 'calyx lab down').")
public final class LabServeCommand implements Callable<Integer> {
    @Mixin LabOptions lab;

    @Override
    public Integer call() throws InterruptedException {
        LabConfig config = lab.config();
        LabState state = lab.requireState();
        List<NodeAgent> agents = AgentPodNetwork.hasAgents(config)
                ? AgentPodNetwork.resumeAgents(config, state.nodes()) : List.of();
        PodServers servers = PodServers.start(state.runningPods(),
                state.pods().stream().map(LabState.PodState::spec).toList());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            servers.close();
            agents.forEach(NodeAgent::close);
        }, "lab-serve-shutdown"));
        ServerDaemon.signalReady(config.stateDir());
        System.out.println("serving " + servers.socketCount() + " sockets for " + state.pods().size() + " pods");
        new CountDownLatch(1).await();
        return 0;
    }
}
