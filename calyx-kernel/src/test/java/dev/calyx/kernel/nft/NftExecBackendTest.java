package dev.calyx.kernel.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exec backend against a scripted command runner: argv, stdin, and the mapping of nft's answers. */
class NftExecBackendTest {
    private static final NftTable T = new NftTable(NftFamily.INET, "calyx");
    private final List<List<String>> argvs = new ArrayList<>();
    private final List<String> stdins = new ArrayList<>();

    private NftExecBackend backend(NftCommandRunner.Result answer) {
        return new NftExecBackend(Optional.of(Path.of("/var/run/netns/x")), (argv, stdin) -> {
            argvs.add(argv);
            stdins.add(stdin);
            return answer;
        });
    }

    @Test
    void pipesTheScriptIntoNftInsideTheNamespace() {
        NftExecBackend b = backend(new NftCommandRunner.Result(0, "", ""));
        b.apply(new NftTransaction().addTable(T));
        b.check(new NftTransaction().addTable(T));
        assertThat(argvs.get(0)).startsWith("nsenter", "--net=/var/run/netns/x").endsWith("-f", "-");
        assertThat(argvs.get(0).get(2)).endsWith("nft");
        assertThat(argvs.get(1)).endsWith("--check", "-f", "-");
        assertThat(stdins).containsExactly("add table inet calyx\n", "add table inet calyx\n");
    }

    @Test
    void anEmptyTransactionRunsNothing() {
        backend(new NftCommandRunner.Result(0, "", "")).apply(new NftTransaction());
        assertThat(argvs).isEmpty();
    }

    @Test
    void aFailureNamesTheNamespaceLineAndOperation() {
        NftExecBackend b = backend(new NftCommandRunner.Result(1, "",
                "/dev/stdin:2:1-20: Error: Could not process rule: No such file or directory\nx\n^^^\n"));
        assertThatThrownBy(() -> b.apply(new NftTransaction().addTable(T).deleteChain(T, "gone")))
                .isInstanceOf(NftException.class)
                .hasMessageStartingWith("nft apply of 2-line transaction in netns /var/run/netns/x failed at line 2 "
                        + "(delete chain inet calyx gone): Could not process rule: No such file or directory");
    }

    @Test
    void aMissingTableListsAsEmpty() {
        NftExecBackend b = backend(new NftCommandRunner.Result(1, "", "Error: No such file or directory\n"));
        assertThat(b.list(T)).isEmpty();
        assertThat(argvs.getFirst()).endsWith("-j", "list", "table", "inet", "calyx");
    }

    @Test
    void parsesAListing() {
        String json = """
                {"nftables": [{"metainfo": {"version": "1.0.6", "json_schema_version": 1}},
                 {"table": {"family": "inet", "name": "calyx", "handle": 1}},
                 {"set": {"family": "inet", "name": "s4", "table": "calyx", "type": "ipv4_addr", "handle": 3,
                   "flags": ["interval"], "elem": [{"prefix": {"addr": "10.0.0.0", "len": 8}}, "192.168.1.1",
                   {"range": ["1.2.3.4", "1.2.3.9"]}, {"elem": {"val": "5.5.5.5", "counter": {"packets": 0}}}]}},
                 {"map": {"family": "inet", "name": "vm", "table": "calyx", "type": "ifname", "handle": 5,
                   "map": "verdict", "elem": [["cali1", {"jump": {"target": "ep-a"}}], ["cali2", {"drop": null}]]}},
                 {"chain": {"family": "inet", "table": "calyx", "name": "input", "handle": 1, "type": "filter",
                   "hook": "input", "prio": 0, "policy": "drop"}},
                 {"rule": {"family": "inet", "table": "calyx", "chain": "input", "handle": 7, "comment": "c \\"q\\"",
                   "expr": [{"counter": {"packets": 3, "bytes": 252}}, {"drop": null}]}}]}
                """;
        NftTableContent c = backend(new NftCommandRunner.Result(0, json, "")).list(T).orElseThrow();
        assertThat(c.set("s4").orElseThrow().elementKeys())
                .containsExactly("10.0.0.0/8", "192.168.1.1", "1.2.3.4-1.2.3.9", "5.5.5.5");
        assertThat(c.set("vm").orElseThrow().elements())
                .containsExactly(NftElement.of("cali1", "jump ep-a"), NftElement.of("cali2", "drop"));
        assertThat(c.chain("input").orElseThrow().base()).contains(NftBaseChain.filter(
                NftBaseChain.Hook.INPUT, 0, NftBaseChain.Policy.DROP));
        NftRule r = c.rules("input").getFirst();
        assertThat(r.handle()).isEqualTo(7);
        assertThat(r.comment()).contains("c \"q\"");
        assertThat(r.counter()).contains(new NftCounter(3, 252));
        assertThat(r.expr()).isEqualTo("[{\"counter\":{\"packets\":3,\"bytes\":252}},{\"drop\":null}]");
    }

    @Test
    void rejectsOutputThatIsNotAListing() {
        NftExecBackend b = backend(new NftCommandRunner.Result(0, "{\"nope\": [}", ""));
        assertThatThrownBy(() -> b.list(T)).isInstanceOf(NftException.class).hasMessageContaining("nft JSON output");
    }
}
