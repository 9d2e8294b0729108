package dev.calyx.dataplane.policy;

import dev.calyx.testkit.Exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real TCP between scratch pods: a python server inside a pod namespace answering "ok" on a few ports, and a client
 * that connects from another pod and must read the answer (so the reply path, through conntrack, is checked too).
 * Servers are processes this class started; {@link #close()} stops them by handle.
 */
final class PodTraffic implements AutoCloseable {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SERVER = """
            import socket, sys, threading
            def serve(port):
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(("0.0.0.0", port)); s.listen(16)
                while True:
                    c, _ = s.accept(); c.sendall(b"ok"); c.close()
            for p in sys.argv[1:]:
                threading.Thread(target=serve, args=(int(p),), daemon=True).start()
            print("ready", flush=True)
            threading.Event().wait()
            """;
    private static final String CLIENT = """
            import socket, sys
            try:
                s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=1.5)
                s.settimeout(1.5)
                sys.exit(0 if s.recv(2) == b"ok" else 1)
            except OSError:
                sys.exit(1)
            """;
    private final List<Process> servers = new ArrayList<>();

    void serve(String netns, int... ports) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", netns, PYTHON, "-c", SERVER));
        for (int p : ports) {
            cmd.add(Integer.toString(p));
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            servers.add(p);
            String line = new String(p.getInputStream().readNBytes(6));
            if (!line.startsWith("ready")) {
                throw new IllegalStateException("server in " + netns + " did not start: " + line);
            }
        } catch (IOException e) {
            throw new IllegalStateException("start server in " + netns, e);
        }
    }

    /** Whether a TCP connect from {@code netns} to {@code address:port} gets the server's answer (2 tries). */
    static boolean connects(String netns, String address, int port) {
        for (int i = 0; i < 2; i++) {
            if (Exec.run("ip", "netns", "exec", netns, PYTHON, "-c", CLIENT, address, Integer.toString(port))
                    .exit() == 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        for (Process p : servers) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        servers.clear();
    }
}
