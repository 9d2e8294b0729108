package dev.calyx.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.calyx.model.codec.DecodeException;
import dev.calyx.model.codec.Decoded;
import dev.calyx.model.codec.ResourceCodec;
import dev.calyx.model.defaults.Defaults;
import dev.calyx.model.validation.FieldError;
import dev.calyx.model.validation.Validator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the shared Calico compatibility samples (shared/conformance/calico): every validation.yaml entry is
 * accepted or rejected as Calico does, a rejection names the field (and contains Calico's text where given), and
 * every documentation manifest applies cleanly and round-trips.
 */
class CalicoConformanceTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final ResourceCodec codec = ResourceCodec.INSTANCE;

    /** What an apply --dry-run does: decode, default, validate. Returns the errors, empty if accepted. */
    static List<String> dryRun(ResourceCodec codec, String text, String source) {
        List<String> errors = new ArrayList<>();
        try {
            for (Decoded d : codec.decodeAll(text, source)) {
                Resource r = Defaults.apply(d.resource());
                for (FieldError e : Validator.validate(r)) {
                    errors.add(e.toString());
                }
            }
        } catch (DecodeException e) {
            assertThat(e.path()).as("decode error names a field: %s", e.getMessage()).isNotEmpty();
            errors.add(e.path() + ": " + e.getMessage());
        }
        return errors;
    }

    @TestFactory
    Stream<DynamicTest> validationEntries() throws IOException {
        Path dir = SharedDir.calicoConformance().orElse(null);
        assumeTrue(dir != null, "shared/conformance/calico not found above " + Path.of("").toAbsolutePath());
        JsonNode root = YAML.readTree(dir.resolve("validation.yaml").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : root.path("entries")) {
            String id = entry.path("id").asText() + " " + entry.path("description").asText();
            tests.add(DynamicTest.dynamicTest(id, () -> checkEntry(entry)));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    private void checkEntry(JsonNode entry) throws IOException {
        String text = YAML.writeValueAsString(entry.path("manifest"));
        List<String> errors = dryRun(codec, text, entry.path("id").asText());
        if (entry.path("valid").asBoolean()) {
            assertThat(errors).as("valid manifest was rejected:\n%s", text).isEmpty();
            Resource decoded = codec.decode(text, "entry");
            assertThat(codec.decode(codec.encodeYaml(decoded), "re-encoded")).as("round trip").isEqualTo(decoded);
            Resource admitted = Admission.admit(decoded);
            assertThat(Admission.admit(codec.decode(codec.encodeYaml(admitted), "get"))).as("apply/get/apply")
                    .isEqualTo(admitted);
            return;
        }
        assertThat(errors).as("invalid manifest was accepted:\n%s", text).isNotEmpty();
        for (String e : errors) {
            assertThat(e).as("error names the field at fault")
                    .matches("^(metadata|spec|status|apiVersion|kind|items|\\[)[^ ]*: .+");
        }
        String expected = entry.path("error_contains").asText("");
        if (!expected.isEmpty()) {
            assertThat(String.join("\n", errors)).contains(expected);
        }
    }

    @TestFactory
    Stream<DynamicTest> documentationManifests() throws IOException {
        Path dir = SharedDir.calicoConformance().orElse(null);
        assumeTrue(dir != null, "shared/conformance/calico not found above " + Path.of("").toAbsolutePath());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("manifests"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String text = Files.readString(f);
            List<String> errors = dryRun(codec, text, f.getFileName().toString());
            if (!errors.isEmpty()) {
                fail("manifest %s rejected: %s", f, errors);
            }
            for (Decoded d : codec.decodeAll(text, f.toString())) {
                Resource again = codec.decode(codec.encodeYaml(d.resource()), "re-encoded");
                assertThat(again).isEqualTo(d.resource());
            }
        }));
    }
}
