package dev.calyx.preflight;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The ports the agent will listen on must be free on all addresses. Each is bound on 0.0.0.0 for an instant and
 * released at once (never kept). When a port is taken, {@link SocketOwners} names the process holding it.
 */
public final class PortCheck implements Check {
    @Override
    public String name() {
        return "ports";
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        List<CheckResult> out = new ArrayList<>();
        for (PortNeed need : ctx.portsToCheck()) {
            out.add(check(need, ctx));
        }
        return out;
    }

    static CheckResult check(PortNeed need, PreflightContext ctx) {
        String name = "port " + need.port();
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress("0.0.0.0", need.port()), 1);
            return CheckResult.pass(name, "tcp " + need.port() + " (" + need.purpose() + ") free on 0.0.0.0");
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Permission denied")) {
                return CheckResult.skip(name, "tcp " + need.port() + " (" + need.purpose() + "): binding it needs root "
                        + "or CAP_NET_BIND_SERVICE; rerun as root to check it");
            }
            String owner = SocketOwners.listenerOf(ctx.paths().proc(), need.port());
            return CheckResult.fail(name, "tcp " + need.port() + " (" + need.purpose() + ") cannot be bound: "
                    + e.getMessage() + (owner.isEmpty() ? "" : "; held by " + owner),
                    "stop " + (owner.isEmpty() ? "the process listening on " + need.port() : owner)
                            + " or move calyx's " + need.purpose() + " port");
        }
    }
}
