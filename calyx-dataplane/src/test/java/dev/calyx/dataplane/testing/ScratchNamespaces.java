package dev.calyx.dataplane.testing;

import dev.calyx.testkit.Exec;

import dev.calyx.kernel.netns.Netns;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Throwaway named namespaces for one test ({@code calyx-t-ep-<random6>}); {@link #close()} (from {@code @AfterEach})
 * deletes every one of them, whatever state the test left; links inside die with them. Never the root namespace.
 */
public final class ScratchNamespaces implements AutoCloseable {
    public static final String PREFIX = "calyx-t-ep-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<Netns> open = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final String prefix;

    public ScratchNamespaces() {
        this(PREFIX);
    }

    /** Namespaces named {@code prefix + random6}, e.g. {@code calyx-t-po-}. */
    public ScratchNamespaces(String prefix) {
        this.prefix = prefix;
    }

    public Netns create() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        String name = prefix + HexFormat.of().formatHex(b);
        names.add(name);
        Netns ns = Netns.create(name);
        open.add(ns);
        return ns;
    }

    @Override
    public void close() {
        open.forEach(Netns::close);
        for (String name : names) {
            try {
                Netns.delete(name);
            } catch (RuntimeException e) {
                Exec.run("ip", "netns", "delete", name);
            }
        }
        open.clear();
        names.clear();
    }
}
