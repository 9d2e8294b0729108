package dev.calyx.cli.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calyx.cli.CliRun;
import dev.calyx.lab.LabNamespaces;
import dev.calyx.lab.LabState;
import dev.calyx.lab.Matrix;
import dev.calyx.lab.PodRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code calyx lab ...} through the real CLI, with a lab of its own (unique prefix, temporary state directory). */
@Tag("kernel")
class LabCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    String prefix;
    Path stateDir;
    Path netpol;

    @BeforeEach
    void setUp() throws IOException {
        byte[] id = new byte[3];
        ThreadLocalRandom.current().nextBytes(id);
        prefix = "calyx-lab-c" + HexFormat.of().formatHex(id) + "-";
        stateDir = Files.createTempDirectory("calyx-lab-cli-");
        netpol = sharedNetpol();
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            lab("down");
        } finally {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    CliRun lab(String... args) {
        List<String> all = new ArrayList<>(List.of("lab"));
        all.add(args[0]);
        all.add("--lab-prefix=" + prefix);
        all.add("--state-dir=" + stateDir);
        all.addAll(List.of(args).subList(1, args.length));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void upProbeLabelConformanceDown() throws Exception {
        CliRun up = lab("up", "--model", netpol.resolve("model.yaml").toString(), "--nodes", "2", "--no-agents");
        assertThat(up.exit()).as(up.err()).isZero();
        LabState state = LabState.load(stateDir.resolve("state.json")).orElseThrow();
        long daemon = state.serverPid();
        assertThat(ProcessHandle.of(daemon).map(ProcessHandle::isAlive)).contains(true);

        CliRun json = lab("probe", "--port", "80", "--protocol", "UDP", "-o", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode tree = JSON.readTree(json.out());
        assertThat(tree.get("port").asInt()).isEqualTo(80);
        assertThat(tree.get("protocol").asText()).isEqualTo("UDP");
        assertThat(tree.get("pods")).hasSize(9);
        assertThat(tree.get("rows")).hasSize(9);
        assertThat(tree.at("/connected/x~1a/z~1c").asBoolean()).isTrue();
        assertThat(tree.get("rows").toString()).doesNotContain("X");

        CliRun table = lab("probe", "--port", "81");
        assertThat(table.exit()).as(table.err()).isZero();
        Matrix m = Matrix.parse(table.out(), "probe output");
        assertThat(table.out()).isEqualTo(Matrix.of(m.order(), (a, b) -> true).render());

        CliRun label = lab("label", "pod", "x/a", "team=blue", "pod-");
        assertThat(label.exit()).as(label.err()).isZero();
        assertThat(LabState.load(stateDir.resolve("state.json")).orElseThrow().pod(PodRef.parse("x/a"))
                .orElseThrow().labels()).containsExactly(java.util.Map.entry("team", "blue"));
        assertThat(lab("label", "pod", "q/z", "a=b").exit()).isEqualTo(2);

        CliRun status = lab("status", "-o", "json");
        assertThat(JSON.readTree(status.out()).get("serving").asBoolean()).isTrue();

        Path open = writeOpenCase(m);
        CliRun conformance = lab("conformance", "--model", netpol.resolve("model.yaml").toString(),
                "--poll-timeout", "0", open.toString(), netpol.resolve("cases/001-default-deny-ingress.yaml")
                        .toString());
        assertThat(conformance.exit()).as(conformance.out() + conformance.err()).isEqualTo(1);
        assertThat(conformance.out()).contains("no policy dataplane connected", "PASS 901 open",
                "FAIL 001 default-deny-ingress", "y/a -> x/b: expected X, observed .", "1 passed, 1 failed");
        CliRun allPass = lab("conformance", "--model", netpol.resolve("model.yaml").toString(), open.toString());
        assertThat(allPass.exit()).as(allPass.out() + allPass.err()).isZero();
        assertThat(allPass.out()).contains("1 passed, 0 failed");

        CliRun down = lab("down");
        assertThat(down.exit()).as(down.err()).isZero();
        assertThat(down.out()).contains("stopped the server daemon");
        assertThat(LabNamespaces.existing(prefix)).isEmpty();
        assertThat(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(stateDir.resolve("state.json")).doesNotExist();
    }

    @Test
    void exitCodesWithoutALab() {
        CliRun noLab = lab("probe", "--port", "80");
        assertThat(noLab.exit()).isEqualTo(1);
        assertThat(noLab.err()).contains("no lab is up");
        assertThat(lab("probe").exit()).isEqualTo(2);
        assertThat(lab("probe", "--port", "80", "--protocol", "SCTP").exit()).isEqualTo(2);
        CliRun status = lab("status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("no lab is up");
        assertThat(lab("down").exit()).isZero();
    }

    Path writeOpenCase(Matrix m) throws IOException {
        String expect = Matrix.of(m.order(), (a, b) -> true).render().lines().map(l -> "        " + l + "\n")
                .reduce("", String::concat);
        Path file = stateDir.resolve("901-open.yaml");
        Files.writeString(file, "id: '901'\nslug: open\nname: no policies, everything connects\n"
                + "compare: {ignore_loopback: true}\nsteps:\n- description: nothing applied\n  probes:\n"
                + "  - port: 80\n    protocol: TCP\n    expect: |\n" + expect);
        return file;
    }

    static Path sharedNetpol() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/conformance/netpol"))) {
                return p.resolve("shared/conformance/netpol");
            }
        }
        Assumptions.abort("shared/conformance/netpol not found");
        throw new IllegalStateException();
    }
}
