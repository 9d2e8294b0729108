package dev.calyx.agent.cni;

import dev.calyx.cni.wire.CniProtocol;
import dev.calyx.cni.wire.ShimReply;
import dev.calyx.cni.wire.ShimRequest;
import dev.calyx.cni.wire.WireFormat;
import dev.calyx.cni.wire.WireFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Agent side of the DEL queue: DELs the shim could not deliver (agent down) wait in a directory as
 * wire-format request files ({@code del-<millis>-<pid>-<cid>-<ifname>.req}); {@link #replay} runs them
 * through the dispatcher in arrival order and deletes each file only after its DEL succeeded, so a
 * crash mid-replay repeats a DEL (harmless: DEL is idempotent) but never loses one.
 *
 * <p>Call it right AFTER {@link CniServer#start}: once the socket is up the shim stops queueing, so
 * everything queued is already on disk. Unreadable or non-DEL files are renamed to {@code *.bad}
 * and reported instead of blocking the queue forever. Not thread-safe: one replay at a time.
 */
public final class DelQueue {
    private static final System.Logger LOG = System.getLogger(DelQueue.class.getName());
    public static final String DEFAULT_DIR = "/var/lib/calyx/cni-queue";
    private final Path dir;

    public DelQueue(Path dir) {
        this.dir = dir;
    }

    /** What a replay did; {@code failed} files stay queued for the next replay. */
    public record Report(int replayed, List<String> failed, List<String> rejected) {
        public Report {
            failed = List.copyOf(failed);
            rejected = List.copyOf(rejected);
        }
    }

    public List<Path> pending() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".req")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("list DEL queue " + dir, e);
        }
    }

    public Report replay(CniDispatcher dispatcher) {
        int replayed = 0;
        List<String> failed = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (Path file : pending()) {
            String name = file.getFileName().toString();
            ShimRequest request;
            try {
                request = WireFormat.decodeRequest(Files.readAllBytes(file));
                if (!request.get("CNI_COMMAND").equals(CniProtocol.DEL)) {
                    throw new WireFormatException("queued request is " + request.get("CNI_COMMAND") + ", not DEL");
                }
            } catch (IOException | WireFormatException e) {
                reject(file, e.getMessage());
                rejected.add(name);
                continue;
            }
            ShimReply reply = dispatcher.dispatch(request);
            if (reply.exitCode() == 0) {
                delete(file);
                replayed++;
            } else {
                LOG.log(System.Logger.Level.WARNING, "queued DEL " + name + " failed, kept for the next replay: "
                        + new String(reply.stdout(), StandardCharsets.UTF_8));
                failed.add(name);
            }
        }
        return new Report(replayed, failed, rejected);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("remove replayed DEL " + file + " (it would be replayed again)", e);
        }
    }

    private static void reject(Path file, String why) {
        LOG.log(System.Logger.Level.WARNING, "DEL queue file " + file + " unusable (" + why + "); renamed to .bad");
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("set aside unusable DEL queue file " + file, e);
        }
    }
}
