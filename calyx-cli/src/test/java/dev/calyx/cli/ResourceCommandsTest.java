package dev.calyx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceCommandsTest {
    @TempDir Path dir;
    String ds;

    static final String POOL = """
            apiVersion: projectcalico.org/v3
            kind: IPPool
            metadata:
              name: pool-a
            spec:
              cidr: 10.244.0.0/16
              vxlanMode: Always
              natOutgoing: true
            """;
    static final String POLICIES = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: deny-all
            spec:
              selector: all()
              types: [Ingress, Egress]
            ---
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata:
              name: allow-db
              namespace: prod
            spec:
              order: 100
              selector: role == 'db'
              ingress:
              - action: Allow
                protocol: TCP
                destination:
                  ports: [5432]
            """;

    @BeforeEach
    void store() {
        ds = "--datastore=embedded:" + dir.resolve("calyx.db");
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void applyCreatesThenLeavesUnchanged() throws IOException {
        Path f = file("all.yaml", POOL + "---\n" + POLICIES);
        CliRun first = CliRun.of("apply", "-f", f.toString(), ds);
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("ippool/pool-a created", "networkpolicy/prod/allow-db created")
                .contains("3 created");
        CliRun second = CliRun.of("apply", "-f", dir.toString(), ds);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("3 unchanged");
    }

    @Test
    void getYamlRoundTripsThroughApplyUnchanged() throws IOException {
        CliRun.of("apply", "-f", file("p.yaml", POOL + "---\n" + POLICIES).toString(), ds);
        for (String[] get : new String[][] {{"get", "ippool", "pool-a"}, {"get", "netpol", "-A"},
                {"get", "gnp"}}) {
            CliRun yaml = CliRun.of(concat(get, "-o", "yaml", ds));
            assertThat(yaml.exit()).isZero();
            Path back = file("back.yaml", yaml.out());
            assertThat(CliRun.of("apply", "-f", back.toString(), ds).out()).contains("unchanged")
                    .doesNotContain("updated", "created", "failed");
            CliRun json = CliRun.of(concat(get, "-o", "json", ds));
            Path backJson = file("back.json", json.out());
            assertThat(CliRun.of("apply", "-f", backJson.toString(), ds).out()).doesNotContain("updated", "failed");
        }
    }

    @Test
    void invalidObjectFailsNamingTheFieldAndOthersStillApply() throws IOException {
        Path f = file("bad.yaml", POOL + """
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: bad-ports
                spec:
                  ingress:
                  - action: Allow
                    protocol: TCP
                    destination:
                      ports: ["90:80"]
                """);
        CliRun run = CliRun.of("apply", "-f", f.toString(), ds);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("bad.yaml", "GlobalNetworkPolicy/bad-ports",
                "spec.ingress[0].destination.ports[0]");
        assertThat(run.out()).contains("1 created, 1 failed");
    }

    @Test
    void unknownFieldIsRejectedWithItsPath() throws IOException {
        Path f = file("typo.yaml", POOL.replace("natOutgoing", "natOutgoin"));
        CliRun run = CliRun.of("apply", "--dry-run", "-f", f.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("typo.yaml").contains("natOutgoin");
    }

    @Test
    void dryRunWritesNothingAndOpensNoDatastore() throws IOException {
        Path f = file("p.yaml", POOL);
        CliRun run = CliRun.of("apply", "--dry-run", "-f", f.toString(), ds);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("ippool/pool-a valid", "1 valid (dry run: nothing written)");
        assertThat(dir.resolve("calyx.db")).doesNotExist();
    }

    @Test
    void createReplaceAndStaleResourceVersion() throws IOException {
        Path f = file("p.yaml", POOL);
        assertThat(CliRun.of("replace", "-f", f.toString(), ds).exit()).isEqualTo(1);
        assertThat(CliRun.of("create", "-f", f.toString(), ds).exit()).isZero();
        CliRun again = CliRun.of("create", "-f", f.toString(), ds);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        Path stale = file("stale.yaml", CliRun.of("get", "ippool", "pool-a", "-o", "yaml", ds).out());
        assertThat(CliRun.of("replace", "-f", file("p2.yaml", POOL.replace("true", "false")).toString(), ds)
                .exit()).isZero();
        CliRun conflict = CliRun.of("replace", "-f", stale.toString(), ds);
        assertThat(conflict.exit()).isEqualTo(1);
        assertThat(conflict.err()).contains("resourceVersion");
    }

    @Test
    void labelSetsAndRemovesWithOverwriteGuard() throws IOException {
        CliRun.of("apply", "-f", file("p.yaml", POOL).toString(), ds);
        assertThat(CliRun.of("label", "ippools", "pool-a", "env=prod", "team=net", ds).exit()).isZero();
        assertThat(CliRun.of("label", "ippool", "pool-a", "env=dev", ds).exit()).isEqualTo(1);
        assertThat(CliRun.of("label", "ipp", "pool-a", "env=dev", "team-", "--overwrite", ds).exit()).isZero();
        assertThat(CliRun.of("get", "ippool", "pool-a", "-o", "yaml", ds).out()).contains("env: dev")
                .doesNotContain("team");
    }

    @Test
    void deleteByNameAndByFile() throws IOException {
        Path f = file("all.yaml", POOL + "---\n" + POLICIES);
        CliRun.of("apply", "-f", f.toString(), ds);
        assertThat(CliRun.of("delete", "gnp", "deny-all", ds).out()).contains("globalnetworkpolicy/deny-all deleted");
        CliRun missing = CliRun.of("delete", "gnp", "deny-all", ds);
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("does not exist");
        CliRun byFile = CliRun.of("delete", "-f", f.toString(), "--skip-not-exists", ds);
        assertThat(byFile.exit()).isZero();
        assertThat(byFile.out()).contains("2 deleted, 1 skipped");
        assertThat(CliRun.of("get", "ippool", "-o", "name", ds).out()).isBlank();
    }

    @Test
    void getTablesAndNames() throws IOException {
        CliRun.of("apply", "-f", file("all.yaml", POOL + "---\n" + POLICIES).toString(), ds);
        assertThat(CliRun.of("get", "ippool", "-o", "wide", ds).out()).contains("CIDR", "10.244.0.0/16", "Always");
        assertThat(CliRun.of("get", "networkpolicies", "-n", "prod", ds).out()).contains("allow-db", "100");
        assertThat(CliRun.of("get", "netpol", ds).out()).doesNotContain("allow-db"); // namespace default
        assertThat(CliRun.of("get", "netpol", "-A", "-o", "name", ds).out().strip())
                .isEqualTo("networkpolicy/prod/allow-db");
        CliRun absent = CliRun.of("get", "ippool", "nope", ds);
        assertThat(absent.exit()).isEqualTo(1);
        assertThat(absent.err()).contains("ippool/nope", "does not exist");
    }

    @Test
    void jsonOutputReportsEveryObject() throws IOException {
        Path f = file("all.yaml", POOL + "---\n" + POLICIES.replace("[5432]", "[\"90:80\"]"));
        CliRun run = CliRun.of("apply", "-f", f.toString(), "-o", "json", ds);
        assertThat(run.exit()).isEqualTo(1);
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(report.at("/summary/created").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/failed").asInt()).isEqualTo(1);
        assertThat(report.at("/results/2/object").asText()).isEqualTo("networkpolicy/prod/allow-db");
        assertThat(report.at("/results/2/error").asText()).contains("spec.ingress[0].destination.ports[0]");
        assertThat(run.err()).isEmpty();
        var del = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(CliRun.of("delete", "ippool", "pool-a", "-o", "json", ds).out());
        assertThat(del.at("/results/0/outcome").asText()).isEqualTo("deleted");
        assertThat(CliRun.of("apply", "-f", f.toString(), "-o", "xml", ds).exit()).isEqualTo(1);
    }

    @Test
    void unknownKindIsAUsageError() {
        CliRun run = CliRun.of("get", "ippoolz", ds);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown resource type \"ippoolz\"");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
