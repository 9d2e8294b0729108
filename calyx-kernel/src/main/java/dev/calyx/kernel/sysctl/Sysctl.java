package dev.calyx.kernel.sysctl;

import dev.calyx.kernel.netns.Netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Network sysctls of one namespace: {@code Sysctl.set(netns, "net/ipv4/conf/cali1234/proxy_arp", "1")}.
 *
 * <p>Why a thread inside the namespace: {@code /proc/sys/net} shows the network namespace of the task that opens
 * the file, so the file is opened and written from a platform thread switched into {@code netns}
 * ({@link Netns#run}). Only keys under {@code net/} are accepted: they are the per-namespace ones, while
 * {@code kernel/}, {@code vm/}... are global and would change the host.
 *
 * <p>Keys use the slash form of the path under /proc/sys (interface names may contain dots, so the dotted form is
 * ambiguous). Thread safety: stateless.
 */
public final class Sysctl {
    private static final Path ROOT = Path.of("/proc/sys");
    private static final Pattern KEY = Pattern.compile("net(/[A-Za-z0-9_.@-]+)+");

    private Sysctl() {}

    /** The current value, trimmed. */
    public static String get(Netns netns, String key) {
        Path path = pathOf(key);
        return netns.run(() -> {
            try {
                return Files.readString(path, StandardCharsets.US_ASCII).trim();
            } catch (IOException e) {
                throw new SysctlException("read sysctl " + key + " in " + netns + ": " + describe(e), e);
            }
        });
    }

    /** Writes {@code value} (one write, as sysctl(8) does). */
    public static void set(Netns netns, String key, String value) {
        Path path = pathOf(key);
        if (value == null || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("sysctl " + key + ": value must be one line, got '" + value + "'");
        }
        netns.run(() -> {
            try {
                Files.writeString(path, value, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new SysctlException("set sysctl " + key + "=" + value + " in " + netns + ": " + describe(e), e);
            }
        });
    }

    private static Path pathOf(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("/../") || key.endsWith("/..")
                || key.contains("/./")) {
            throw new IllegalArgumentException("invalid sysctl key '" + key
                    + "': expected a path under /proc/sys/net such as net/ipv4/ip_forward");
        }
        return ROOT.resolve(key);
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such sysctl" : String.valueOf(e.getMessage());
    }
}
