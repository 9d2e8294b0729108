package dev.calyx.agent.cni;

import dev.calyx.cni.wire.CniError;
import dev.calyx.cni.wire.CniProtocol;
import dev.calyx.cni.wire.ShimReply;
import dev.calyx.cni.wire.ShimRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one forwarded request into one reply: validates the environment again (the socket is the
 * trust boundary, not the shim), parses the config, gates verbs by version (CHECK ≥ 0.4.0,
 * STATUS/GC ≥ 1.1.0, CHECK needs prevResult), calls the {@link CniHandler} and encodes the result in
 * the config's version. stdout only ever holds the result or the error object (item 23).
 * Stateless and thread-safe as long as the handler is.
 */
public final class CniDispatcher {
    private static final System.Logger LOG = System.getLogger(CniDispatcher.class.getName());
    private final CniHandler handler;

    public CniDispatcher(CniHandler handler) {
        this.handler = handler;
    }

    public ShimReply dispatch(ShimRequest wire) {
        CniDiagnostics diagnostics = new CniDiagnostics();
        String version = "";
        try {
            String command = wire.get("CNI_COMMAND");
            if (command.equals(CniProtocol.VERSION)) {
                return new ShimReply(0, CniProtocol.versionJson().getBytes(StandardCharsets.UTF_8), null);
            }
            if (!CniProtocol.isKnownCommand(command)) {
                throw new CniException(CniError.INVALID_ENVIRONMENT, "unknown CNI_COMMAND: " + command);
            }
            CniError envError = CniProtocol.validateEnvironment(command, wire.env());
            if (envError != null) {
                throw new CniException(envError.code(), envError.msg(), envError.details());
            }
            NetConf conf = NetConfParser.parse(wire.stdin());
            version = conf.cniVersion();
            gate(command, conf);
            CniRequest request = new CniRequest(command, wire.get("CNI_CONTAINERID"), wire.get("CNI_NETNS"),
                    wire.get("CNI_IFNAME"), CniArgs.parse(wire.get("CNI_ARGS")), splitPath(wire.get("CNI_PATH")),
                    conf, wire.stdin(), wire.env(), diagnostics);
            byte[] stdout = call(request);
            return new ShimReply(0, stdout, diagnostics.bytes());
        } catch (CniException e) {
            return error(e.toError(), version, diagnostics);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "CNI handler failed unexpectedly", e);
            return error(new CniError(CniError.INTERNAL, "internal error in the calyx node agent", String.valueOf(e)),
                    version, diagnostics);
        }
    }

    private byte[] call(CniRequest request) {
        switch (request.command()) {
            case CniProtocol.ADD -> {
                CniResult own = handler.add(request);
                CniResult result = request.conf().prevResult().map(own::chainedAfter).orElse(own);
                return ResultCodec.encode(result, request.conf().cniVersion());
            }
            case CniProtocol.DEL -> handler.del(request);
            case CniProtocol.CHECK -> handler.check(request);
            case CniProtocol.STATUS -> handler.status(request);
            case CniProtocol.GC -> handler.gc(request);
            default -> throw new IllegalStateException("unhandled verb " + request.command());
        }
        return new byte[0];
    }

    private static void gate(String command, NetConf conf) {
        String version = conf.cniVersion();
        if (command.equals(CniProtocol.CHECK)) {
            if (!CniVersions.atLeast(version, "0.4.0")) {
                throw new CniException(CniError.INCOMPATIBLE_VERSION, "config version does not allow CHECK",
                        "config is \"" + version + "\"; CHECK needs 0.4.0 or later");
            }
            if (conf.prevResult().isEmpty()) {
                throw new CniException(CniError.INVALID_CONFIG, "required prevResult missing",
                        "CHECK verifies the ADD result passed as prevResult");
            }
        }
        if ((command.equals(CniProtocol.STATUS) || command.equals(CniProtocol.GC)) && !CniVersions.atLeast(version, "1.1.0")) {
            throw new CniException(CniError.INCOMPATIBLE_VERSION, "config version does not allow " + command,
                    "config is \"" + version + "\"; " + command + " needs 1.1.0 or later");
        }
    }

    private static ShimReply error(CniError error, String version, CniDiagnostics diagnostics) {
        return new ShimReply(1, error.toJson(version), diagnostics.bytes());
    }

    private static List<String> splitPath(String cniPath) {
        return cniPath.isEmpty() ? List.of() : Arrays.stream(cniPath.split(":")).filter(s -> !s.isEmpty()).toList();
    }
}
