package dev.calyx.cni.shim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Shim side of the DEL queue (the agent's {@code DelQueue} replays it). A DEL that cannot reach the
 * agent is written here and reported as success, so a pod never sticks in Terminating because the
 * agent was restarting (Cilium's deletion queue; Multus pods stuck on DEL are the counter-example).
 *
 * Each file is one request body in the wire format, named {@code del-<millis>-<pid>-<cid>-<ifname>.req}
 * so replay order follows arrival order. Written as temp file + fsync + atomic rename + directory
 * fsync: the agent sees either the whole request or nothing, even across a power cut.
 */
final class DelQueueWriter {
    static final String SUFFIX = ".req";

    private DelQueueWriter() {
    }

    static Path enqueue(Path dir, String containerId, String ifName, byte[] requestBody) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        String base = "del-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-"
                + containerId + "-" + ifName;
        Path temp = dir.resolve("." + base + ".tmp");
        Path target = dir.resolve(base + SUFFIX);
        try (FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer data = ByteBuffer.wrap(requestBody);
            while (data.hasRemaining()) {
                file.write(data);
            }
            file.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some filesystems refuse fsync on a directory; the rename itself already happened.
        }
        return target;
    }
}
