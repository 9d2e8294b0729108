package dev.calyx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectorCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsCanonicalFormAndMatchPerLabelSet() {
        int rc = Main.run("selector", "app == 'web' && env != 'prod'", "--labels", "app=web,env=dev",
                "--labels", "app=web,env=prod", "--labels", "");
        assertThat(rc).isZero();
        assertThat(stdout()).contains("canonical: (app == \"web\" && env != \"prod\")")
                .contains("unique id: s:")
                .containsPattern("(?m)^match +app=web,env=dev$")
                .containsPattern("(?m)^no match +app=web,env=prod$")
                .containsPattern("(?m)^no match +\\(no labels\\)$");
    }

    @Test
    void printsJson() throws Exception {
        int rc = Main.run("selector", "env not in {'prod'}", "--labels", "env=dev", "--labels", "env=prod",
                "-o", "json");
        assertThat(rc).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.path("canonical").asText()).isEqualTo("env not in {\"prod\"}");
        assertThat(json.path("matches")).hasSize(2);
        assertThat(json.path("matches").get(0).path("labels").path("env").asText()).isEqualTo("dev");
        assertThat(json.path("matches").get(0).path("match").asBoolean()).isTrue();
        assertThat(json.path("matches").get(1).path("match").asBoolean()).isFalse();
    }

    @Test
    void parseErrorShowsACaretUnderThePositionAndExits1() {
        int rc = Main.run("selector", "app == web");
        assertThat(rc).isEqualTo(1);
        assertThat(stderr()).contains("app == web\n       ^").contains("position 7");
    }

    @Test
    void parseErrorInJsonGivesMessageAndPosition() throws Exception {
        int rc = Main.run("selector", "a == 'b' &&", "-o", "json");
        assertThat(rc).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.path("position").asInt()).isEqualTo(11);
        assertThat(json.path("error").asText()).isNotBlank();
    }

    @Test
    void malformedLabelsAreAUsageErrorNamingTheOption() {
        assertThat(Main.run("selector", "has(a)", "--labels", "a=1,b")).isEqualTo(2);
        assertThat(stderr()).contains("--labels").contains("\"b\"");
    }

    @Test
    void unknownOutputFormatIsAUsageError() {
        assertThat(Main.run("selector", "has(a)", "-o", "yaml")).isEqualTo(2);
    }

    @Test
    void emptySelectorIsAll() {
        assertThat(Main.run("selector", "", "--labels", "x=1")).isZero();
        assertThat(stdout()).contains("canonical: all()").containsPattern("(?m)^match +x=1$");
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(Main.run("selector", "--help")).isZero();
        assertThat(stdout()).contains("--labels").contains("EXPR");
    }
}
