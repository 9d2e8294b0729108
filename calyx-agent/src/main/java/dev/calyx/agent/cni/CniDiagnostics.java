package dev.calyx.agent.cni;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The stderr of one CNI invocation, as the runtime will see it: handler notes and the stderr of
 * delegated plugins (item 38: forwarded, never dropped). Thread-safe: delegate stderr is pumped
 * from another thread.
 */
public final class CniDiagnostics {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public synchronized void write(byte[] bytes) {
        buffer.write(bytes, 0, bytes.length);
    }

    public void line(String text) {
        write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public synchronized byte[] bytes() {
        return buffer.toByteArray();
    }
}
