package dev.calyx.agent.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 38 against Debian's real host-local, plus a recording delegate for the exact env/stdin/stderr contract. */
class IpamDelegateTest {
    static final Path HOST_LOCAL_DIR = Path.of("/usr/lib/cni");

    @TempDir
    Path tmp;

    static CniRequest request(String command, String cid, String conf, List<String> cniPath) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", cid);
        env.put("CNI_NETNS", "/var/run/netns/calyx-t-cni-none");
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=p");
        env.put("CNI_PATH", String.join(":", cniPath));
        byte[] stdin = conf.getBytes(StandardCharsets.UTF_8);
        return new CniRequest(command, cid, env.get("CNI_NETNS"), "eth0", CniArgs.parse(env.get("CNI_ARGS")), cniPath,
                NetConfParser.parse(stdin), stdin, env, new CniDiagnostics());
    }

    String hostLocalConf(String subnet) {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"calyx-t-hl\",\"type\":\"calyx\",\"ipam\":{\"type\":\"host-local\","
                + "\"dataDir\":\"" + tmp.resolve("ipam") + "\",\"ranges\":[[{\"subnet\":\"" + subnet + "\"}]]}}";
    }

    @Test
    void hostLocalAllocatesReleasesAndItsErrorsPropagate() {
        IpamDelegate ipam = new IpamDelegate();
        List<String> path = List.of(tmp.resolve("empty").toString(), HOST_LOCAL_DIR.toString());
        CniResult first = ipam.add(request("ADD", "ctr-a", hostLocalConf("10.99.0.0/30"), path));
        assertThat(first.ips()).singleElement().satisfies(ip -> {
            assertThat(ip.address()).isEqualTo("10.99.0.2/30");
            assertThat(ip.gateway()).isEqualTo("10.99.0.1");
            assertThat(ip.interfaceIndex()).isEmpty();
        });
        Path reservation = tmp.resolve("ipam/calyx-t-hl/10.99.0.2");
        assertThat(reservation).exists();

        assertThatThrownBy(() -> ipam.add(request("ADD", "ctr-b", hostLocalConf("10.99.0.0/30"), path)))
                .isInstanceOf(CniException.class).hasMessageContaining("no IP addresses available")
                .extracting(e -> ((CniException) e).code()).isEqualTo(999);

        CniRequest del = request("DEL", "ctr-a", hostLocalConf("10.99.0.0/30"), path);
        ipam.exec(del, "DEL");
        ipam.exec(del, "DEL"); // idempotent
        assertThat(reservation).doesNotExist();
    }

    @Test
    void delegateGetsIdenticalEnvAndStdinAndItsStderrAndCodeComeBack() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path dump = tmp.resolve("dump");
        Path plugin = bin.resolve("rec-ipam");
        Files.writeString(plugin, "#!/bin/sh\n/usr/bin/env > " + dump + ".env\n/bin/cat > " + dump + ".stdin\n"
                + "echo 'rec-ipam: range exhausted' >&2\necho '{\"code\":7,\"msg\":\"bad range\",\"details\":\"10.0.0.0/33\"}'\nexit 1\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        String conf = "{ \"cniVersion\" : \"1.1.0\", \"name\":\"n\",\"type\":\"calyx\",\"ipam\":{\"type\":\"rec-ipam\"},\"x\":[1, 2]}\n";
        CniRequest req = request("CHECK", "ctr-a", conf, List.of(bin.toString()));

        assertThatThrownBy(() -> new IpamDelegate().exec(req, "GC")).isInstanceOf(CniException.class)
                .satisfies(e -> {
                    CniException ce = (CniException) e;
                    assertThat(ce.code()).isEqualTo(7);
                    assertThat(ce.getMessage()).isEqualTo("bad range");
                    assertThat(ce.details()).isEqualTo("10.0.0.0/33");
                });
        assertThat(Files.readAllBytes(Path.of(dump + ".stdin"))).isEqualTo(req.stdin());
        Map<String, String> seen = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(dump + ".env"))) {
            int eq = line.indexOf('=');
            seen.put(line.substring(0, eq), line.substring(eq + 1));
        }
        seen.remove("PWD"); // sh exports its cwd
        Map<String, String> expected = new LinkedHashMap<>(req.env());
        expected.put("CNI_COMMAND", "GC");
        assertThat(seen).isEqualTo(expected);
        assertThat(new String(req.diagnostics().bytes(), StandardCharsets.UTF_8)).contains("rec-ipam: range exhausted");
    }

    @Test
    void missingDelegateIsAConfigErrorNamingThePath() {
        String conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"type\":\"calyx\",\"ipam\":{\"type\":\"no-such-ipam\"}}";
        assertThatThrownBy(() -> new IpamDelegate().exec(request("ADD", "c", conf, List.of("/nonexistent")), "ADD"))
                .isInstanceOf(CniException.class).hasMessageContaining("no-such-ipam").hasMessageContaining("/nonexistent");
    }
}
