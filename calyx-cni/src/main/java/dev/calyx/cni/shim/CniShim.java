package dev.calyx.cni.shim;

import dev.calyx.cni.wire.CniError;
import dev.calyx.cni.wire.CniProtocol;
import dev.calyx.cni.wire.ShimReply;
import dev.calyx.cni.wire.ShimRequest;
import dev.calyx.cni.wire.WireFormat;
import dev.calyx.cni.wire.WireFormatException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code calyx} CNI plugin as the runtime execs it: a thin shim in front of the node agent.
 *
 * <p>Design: the runtime starts a fresh process for every ADD/DEL/CHECK/STATUS/GC, so everything
 * stateful (datastore, IPAM, netlink) lives in the long-running agent and this class only
 * (1) answers VERSION locally without touching stdin, (2) rejects bad environments with the same
 * codes skel would, (3) forwards the CNI_* variables and the untouched stdin bytes over the agent's
 * Unix socket and reproduces the reply's stdout, stderr and exit code byte for byte.
 * When the agent is unreachable: ADD/CHECK/GC fail with 11 (try again later) naming the socket,
 * STATUS fails with 50 (plugin not available), and DEL is queued on disk and reported as success
 * so that pod deletion never wedges; the agent replays the queue when it starts.
 *
 * <p>Start-up is the whole cost of this process, so the class graph is kept tiny: java.base only,
 * no regex, no lambdas, no String.format, string concatenation compiled without invokedynamic.
 * Nothing but the result or error JSON is ever written to stdout.
 */
public final class CniShim {
    private final ShimConfig config;

    public CniShim(ShimConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        int code;
        try {
            code = new CniShim(ShimConfig.fromSystemProperties())
                    .run(System.getenv(), new FileInputStream(FileDescriptor.in), out, err);
        } catch (IOException e) {
            code = 1; // stdout or stderr itself is broken: nothing left to report to
        }
        System.exit(code);
    }

    /** Runs one invocation against the given streams; returns the process exit code. */
    public int run(Map<String, String> env, InputStream stdin, OutputStream out, OutputStream err) throws IOException {
        String command = env.get("CNI_COMMAND");
        if (command == null || command.isEmpty()) {
            err.write(about().getBytes(StandardCharsets.UTF_8));
            return 0;
        }
        if (command.equals(CniProtocol.VERSION)) {
            out.write(CniProtocol.versionJson().getBytes(StandardCharsets.UTF_8));
            return 0;
        }
        if (!CniProtocol.isKnownCommand(command)) {
            return fail(out, "", new CniError(CniError.INVALID_ENVIRONMENT, "unknown CNI_COMMAND: " + command, ""));
        }
        CniError envError = CniProtocol.validateEnvironment(command, env);
        if (envError != null) {
            return fail(out, "", envError);
        }
        byte[] input;
        try {
            input = stdin.readAllBytes();
        } catch (IOException e) {
            return fail(out, "", new CniError(CniError.IO_FAILURE, "error reading from stdin", AgentClient.describe(e)));
        }
        return forward(command, cniEntries(env), input, out, err);
    }

    private int forward(String command, Map<String, String> cniEnv, byte[] input, OutputStream out, OutputStream err)
            throws IOException {
        byte[] body = WireFormat.encodeRequest(new ShimRequest(cniEnv, input));
        String failure;
        try {
            ShimReply reply = AgentClient.call(config.socket(), body);
            out.write(reply.stdout());
            err.write(reply.stderr());
            return reply.exitCode();
        } catch (AgentClient.Unreachable e) {
            return agentUnreachable(command, cniEnv, input, body, e.getMessage(), out, err);
        } catch (IOException e) {
            failure = AgentClient.describe(e);
        } catch (WireFormatException e) {
            failure = e.getMessage();
        }
        // The agent took the request but the exchange broke: DEL is idempotent, so queueing it is safe.
        String details = "exchange with the calyx node agent at " + config.socket() + " failed: " + failure;
        if (command.equals(CniProtocol.DEL)) {
            return queueDel(cniEnv, input, body, details, out, err);
        }
        return fail(out, JsonPeek.cniVersion(input), new CniError(CniError.TRY_AGAIN_LATER,
                "calyx node agent failed during " + command + "; try again later", details));
    }

    private int agentUnreachable(String command, Map<String, String> cniEnv, byte[] input, byte[] body, String why,
                                 OutputStream out, OutputStream err) throws IOException {
        String version = JsonPeek.cniVersion(input);
        switch (command) {
            case CniProtocol.DEL:
                return queueDel(cniEnv, input, body, why, out, err);
            case CniProtocol.STATUS:
                return fail(out, version, new CniError(CniError.NOT_AVAILABLE,
                        "calyx node agent is not running (socket " + config.socket() + ")", why));
            default:
                return fail(out, version, new CniError(CniError.TRY_AGAIN_LATER,
                        "calyx node agent unreachable at " + config.socket() + "; try again later", why));
        }
    }

    private int queueDel(Map<String, String> cniEnv, byte[] input, byte[] body, String why,
                         OutputStream out, OutputStream err) throws IOException {
        try {
            Path queued = DelQueueWriter.enqueue(config.delQueue(), cniEnv.get("CNI_CONTAINERID"),
                    cniEnv.get("CNI_IFNAME"), body);
            err.write(("calyx: " + why + "; DEL queued as " + queued + " for the agent to replay\n")
                    .getBytes(StandardCharsets.UTF_8));
            return 0;
        } catch (IOException e) {
            return fail(out, JsonPeek.cniVersion(input), new CniError(CniError.TRY_AGAIN_LATER,
                    "calyx node agent unreachable at " + config.socket() + " and DEL could not be queued in "
                            + config.delQueue() + "; try again later", why + "; queue: " + AgentClient.describe(e)));
        }
    }

    private static int fail(OutputStream out, String cniVersion, CniError error) throws IOException {
        out.write(error.toJson(cniVersion));
        return 1;
    }

    /** Only the CNI_* variables travel: the rest of the runtime's environment is none of the agent's business. */
    private static Map<String, String> cniEntries(Map<String, String> env) {
        Map<String, String> cni = new LinkedHashMap<String, String>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("CNI_")) {
                cni.put(e.getKey(), e.getValue());
            }
        }
        return cni;
    }

    private String about() {
        return "calyx CNI plugin: a thin shim that forwards CNI requests to the calyx node agent\n"
                + "agent socket: " + config.socket() + "\n"
                + "DEL queue:    " + config.delQueue() + "\n"
                + "CNI protocol versions supported: " + CniProtocol.supportedVersionsText() + "\n";
    }
}
