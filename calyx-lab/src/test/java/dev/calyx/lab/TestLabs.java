package dev.calyx.lab;

import dev.calyx.kernel.netlink.IpPrefix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** A lab config with a unique prefix and a temporary state directory, so tests never meet a user's lab. */
final class TestLabs {
    private TestLabs() {}

    static LabConfig config() {
        try {
            byte[] random = new byte[3];
            ThreadLocalRandom.current().nextBytes(random);
            String id = HexFormat.of().formatHex(random);
            Path state = Files.createTempDirectory("calyx-lab-t-");
            return new LabConfig("calyx-lab-t" + id + "-", state, IpPrefix.parse("10.99.0.0/16"),
                    IpPrefix.parse("10.98.0.0/16"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void removeDir(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Matrix all(LabModel model, boolean connects) {
        return Matrix.of(model.order(), (a, b) -> connects);
    }
}
