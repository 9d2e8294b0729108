package dev.calyx.cli.node;

/**
 * SIGTERM and SIGINT as a stop request instead of an abrupt JVM exit, so {@code calyx node run} shuts down cleanly
 * and exits 0 (systemd, podman and the test harness all stop it with SIGTERM).
 */
@SuppressWarnings("sunapi")
final class StopSignals {
    private StopSignals() {
    }

    static void install(Runnable onStop) {
        sun.misc.SignalHandler handler = signal -> onStop.run();
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
    }
}
