package dev.calyx.kernel.testing;

import dev.calyx.kernel.netns.Netns;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Throwaway named namespaces for one test ({@code calyx-t-nl-<random6>}); {@link #close()} (call it from
 * {@code @AfterEach}) deletes every one of them, whatever state the test left them in. Links inside die with them.
 */
public final class TestNamespaces implements AutoCloseable {
    public static final String PREFIX = "calyx-t-nl-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<Netns> open = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** A fresh unique name, registered for cleanup (create it yourself, e.g. with {@code ip netns add}). */
    public String newName() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        String name = PREFIX + HexFormat.of().formatHex(b);
        names.add(name);
        return name;
    }

    /** Creates and opens a fresh namespace. */
    public Netns create() {
        Netns ns = Netns.create(newName());
        open.add(ns);
        return ns;
    }

    @Override
    public void close() {
        for (Netns ns : open) {
            ns.close();
        }
        for (String name : names) {
            try {
                Netns.delete(name);
            } catch (RuntimeException e) {
                Ip.run("ip", "netns", "delete", name);
            }
        }
        open.clear();
        names.clear();
    }
}
