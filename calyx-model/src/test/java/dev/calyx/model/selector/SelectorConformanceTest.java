package dev.calyx.model.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of {@code shared/conformance/calico/selectors.yaml} (samples of Calico's own parser tests).
 * {@code shared/} is found by walking up from the working directory; without it these tests are skipped with
 * that reason rather than passing silently.
 */
class SelectorConformanceTest {

    static JsonNode vectors() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path file = p.resolve("shared/conformance/calico/selectors.yaml");
            if (Files.isRegularFile(file)) {
                return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            }
        }
        Assumptions.abort("shared/conformance/calico/selectors.yaml not found above " + dir
                + ": the conformance samples live in the sibling directory ../shared of the repository");
        throw new AssertionError("unreachable");
    }

    static Stream<JsonNode> section(String name) throws IOException {
        return StreamSupport.stream(vectors().path(name).spliterator(), false);
    }

    static Stream<Arguments> cases() throws IOException {
        return section("cases").map(c -> {
            Map<String, String> labels = new LinkedHashMap<>();
            c.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            return Arguments.of(c.path("selector").asText(), labels, c.path("match").asBoolean());
        });
    }

    static Stream<String> valid() throws IOException {
        return section("valid").map(JsonNode::asText);
    }

    static Stream<String> invalid() throws IOException {
        return section("invalid").map(JsonNode::asText);
    }

    static Stream<Arguments> canonical() throws IOException {
        return section("canonical").map(c -> Arguments.of(c.path("in").asText(), c.path("out").asText()));
    }

    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @MethodSource("cases")
    void evaluatesLikeCalico(String selector, Map<String, String> labels, boolean match) {
        Selector parsed = Selector.parse(selector);
        assertThat(parsed.matches(labels)).as("%s on %s", selector, labels).isEqualTo(match);
        assertThat(Selector.parse(parsed.canonical()).matches(labels)).as("after canonicalising").isEqualTo(match);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("valid")
    void acceptsWhatCalicoAccepts(String selector) {
        Selector parsed = Selector.parse(selector);
        assertThat(Selector.parse(parsed.canonical())).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalid")
    void rejectsWhatCalicoRejectsWithAPosition(String selector) {
        SelectorParseException e = catchThrowableOfType(SelectorParseException.class, () -> Selector.parse(selector));
        assertThat(e).as("%s must be rejected", selector).isNotNull();
        assertThat(e.position()).isBetween(0, selector.length());
        assertThat(e.render()).contains("^");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("canonical")
    void printsCalicosCanonicalForm(String in, String out) {
        Selector parsed = Selector.parse(in);
        assertThat(parsed.canonical()).isEqualTo(out);
        assertThat(Selector.parse(out).canonical()).isEqualTo(out);
        assertThat(Selector.parse(out).uniqueId()).isEqualTo(parsed.uniqueId());
    }
}
