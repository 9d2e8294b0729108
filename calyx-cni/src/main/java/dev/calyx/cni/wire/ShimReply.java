package dev.calyx.cni.wire;

/**
 * What the shim must reproduce: its process exit code and the exact bytes for stdout and stderr.
 *
 * @param exitCode process exit code (0 success; CNI errors exit 1 with the error object on stdout)
 * @param stdout   the result or error JSON, or empty (DEL/CHECK/GC/STATUS success)
 * @param stderr   free-form diagnostics (e.g. a delegated IPAM plugin's stderr)
 */
public record ShimReply(int exitCode, byte[] stdout, byte[] stderr) {
    private static final byte[] NONE = new byte[0];

    public ShimReply {
        if (exitCode < 0 || exitCode > 255) {
            throw new IllegalArgumentException("shim reply: exit code " + exitCode + " outside 0..255");
        }
        stdout = stdout == null ? NONE : stdout;
        stderr = stderr == null ? NONE : stderr;
    }
}
