package dev.calyx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Calico compatibility samples ({@code ../shared/conformance/calico}) through the user's own entry point:
 * {@code calyx apply --dry-run -f} accepts every valid manifest and rejects every invalid one with exit 1 and a
 * message naming the object. (Field-level messages are asserted in calyx-model's conformance test.)
 */
class CalicoValidationDryRunTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir Path dir;

    static Path conformanceDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolveSibling("shared").resolve("conformance").resolve("calico");
            if (Files.isDirectory(c)) {
                return c;
            }
        }
        return null;
    }

    static Stream<Arguments> entries() throws IOException {
        Path dir = conformanceDir();
        if (dir == null) {
            return Stream.of(Arguments.of("shared/conformance/calico not found beside the repository", null));
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode e : YAML.readTree(dir.resolve("validation.yaml").toFile()).get("entries")) {
            out.add(Arguments.of(e.get("id").asText() + " " + e.get("description").asText(), e));
        }
        try (Stream<Path> manifests = Files.list(dir.resolve("manifests"))) {
            manifests.sorted().forEach(m -> out.add(Arguments.of("manifest " + m.getFileName(), m)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void dryRunAgreesWithCalico(String name, Object entry) throws IOException {
        Assumptions.assumeTrue(entry != null, name);
        Path file;
        boolean valid;
        if (entry instanceof Path manifest) {
            file = manifest;
            valid = true;
        } else {
            JsonNode e = (JsonNode) entry;
            file = dir.resolve("m.yaml");
            YAML.writeValue(file.toFile(), e.get("manifest"));
            valid = e.get("valid").asBoolean();
        }
        CliRun run = CliRun.of("apply", "--dry-run", "-f", file.toString());
        if (valid) {
            assertThat(run.exit()).as(run.err()).isZero();
        } else {
            assertThat(run.exit()).as(run.out()).isEqualTo(1);
            assertThat(run.err()).contains(file.toString());
        }
    }
}
