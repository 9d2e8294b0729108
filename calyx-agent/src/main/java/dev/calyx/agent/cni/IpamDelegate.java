package dev.calyx.agent.cni;

import dev.calyx.cni.wire.CniError;
import dev.calyx.cni.wire.CniProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a CNI IPAM plugin (e.g. Debian's /usr/lib/cni/host-local) the way the spec's delegation
 * section requires: found as a regular file in CNI_PATH, run with the invocation's environment
 * with only CNI_COMMAND changed and the byte-identical stdin (the whole config, not just ipam),
 * its stderr forwarded into the invocation's diagnostics and its error object propagated with the
 * delegate's own code. Thread-safe; each call is one child process.
 */
public final class IpamDelegate {
    private final Duration timeout;

    public IpamDelegate(Duration timeout) {
        this.timeout = timeout;
    }

    public IpamDelegate() {
        this(Duration.ofSeconds(60));
    }

    /** ADD through the delegate; returns its (abbreviated) result. */
    public CniResult add(CniRequest request) {
        byte[] out = exec(request, CniProtocol.ADD);
        try {
            return ResultCodec.decode(ResultCodec.JSON.readTree(out), "result of IPAM plugin " + type(request));
        } catch (IOException e) {
            throw new CniException(CniError.DECODING_FAILURE, "IPAM plugin " + type(request) + " printed invalid JSON",
                    new String(out, StandardCharsets.UTF_8));
        }
    }

    /** Runs the delegate with the given verb; returns its stdout. */
    public byte[] exec(CniRequest request, String command) {
        String type = type(request);
        Path plugin = find(type, request.cniPath());
        ProcessBuilder pb = new ProcessBuilder(plugin.toString());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(request.env());
        env.put("CNI_COMMAND", command);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new CniException(CniError.INTERNAL, "cannot run IPAM plugin " + plugin, e.getMessage());
        }
        Thread stderrPump = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), request.diagnostics()));
        try (OutputStream stdin = process.getOutputStream(); InputStream stdout = process.getInputStream()) {
            stdin.write(request.stdin());
            stdin.close();
            byte[] out = stdout.readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CniException(CniError.TRY_AGAIN_LATER, "IPAM plugin " + plugin + " " + command + " timed out after " + timeout);
            }
            stderrPump.join(timeout.toMillis());
            if (process.exitValue() != 0) {
                throw delegateError(plugin, command, process.exitValue(), out);
            }
            return out;
        } catch (IOException e) {
            throw new CniException(CniError.IO_FAILURE, "talking to IPAM plugin " + plugin + " failed", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CniException(CniError.TRY_AGAIN_LATER, "interrupted waiting for IPAM plugin " + plugin);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The first regular file named {@code type} in CNI_PATH (symlinks followed), as libcni's FindInPath. */
    public static Path find(String type, java.util.List<String> cniPath) {
        if (type.isEmpty() || type.contains("/") || type.contains("\\")) {
            throw new CniException(CniError.INVALID_CONFIG, "invalid plugin type \"" + type + "\"");
        }
        for (String dir : cniPath) {
            Path candidate = Path.of(dir, type);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new CniException(CniError.INVALID_CONFIG, "failed to find plugin \"" + type + "\" in path " + cniPath);
    }

    private static String type(CniRequest request) {
        return request.conf().ipam().map(NetConf.IpamConf::type)
                .orElseThrow(() -> new CniException(CniError.INVALID_CONFIG, "no ipam section to delegate to",
                        "network " + request.conf().name()));
    }

    /** The delegate's own error object when it printed one (keeps its code), else a 999 naming it. */
    private static CniException delegateError(Path plugin, String command, int exit, byte[] out) {
        String text = new String(out, StandardCharsets.UTF_8).trim();
        try {
            var node = ResultCodec.JSON.readTree(out);
            if (node != null && node.path("code").canConvertToInt() && node.path("code").asInt() > 0 && node.hasNonNull("msg")) {
                return new CniException(node.path("code").asInt(), node.path("msg").asText(), node.path("details").asText(""));
            }
        } catch (IOException e) {
            // not JSON: fall through to a generic error carrying the text
        }
        return new CniException(CniError.INTERNAL, "IPAM plugin " + plugin + " " + command + " failed with exit " + exit, text);
    }

    private static void pump(InputStream from, CniDiagnostics to) {
        try (from) {
            byte[] chunk = new byte[4096];
            int n;
            while ((n = from.read(chunk)) > 0) {
                to.write(java.util.Arrays.copyOf(chunk, n));
            }
        } catch (IOException e) {
            to.line("calyx: lost delegate stderr: " + e.getMessage());
        }
    }
}
