package dev.calyx.kernel.nft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NftDiagnosticsTest {
    private static final NftTable T = new NftTable(NftFamily.INET, "calyx");
    private static final NftSetSpec S4 = NftSetSpec.set("s4", NftDataType.IPV4_ADDR);

    @Test
    void namesTheFailingLineAndOperation() {
        NftTransaction tx = new NftTransaction().addElements(T, S4, List.of("1.2.3.4"))
                .deleteElements(T, S4, List.of("9.9.9.9"));
        String stderr = """
                /dev/stdin:2:32-38: Error: element does not exist
                delete element inet calyx s4 { 9.9.9.9 }
                                               ^^^^^^^
                """;
        NftException e = NftDiagnostics.failure("apply", "", tx, tx.script(), stderr);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.lineText()).contains("delete element inet calyx s4 { 9.9.9.9 }");
        assertThat(e.op()).containsInstanceOf(NftOp.DeleteElements.class);
        assertThat(e.nftMessage()).isEqualTo("element does not exist");
        assertThat(e.getMessage()).startsWith("nft apply of 2-line transaction failed at line 2 "
                + "(delete element inet calyx s4 { 9.9.9.9 }): element does not exist\n  line 2: delete element");
    }

    @Test
    void readsLibraryLocationsAndBareErrors() {
        assertThat(NftDiagnostics.parse("<cmdline>:3:1-5: Error: Could not process rule: No such file or directory\nx\n^\nError: boom\n"))
                .containsExactly(new NftDiagnostics.Diagnostic(3, 1, 5, "Could not process rule: No such file or directory"),
                        new NftDiagnostics.Diagnostic(0, 0, 0, "boom"));
    }

    @Test
    void unparseableOutputIsKeptWhole() {
        NftException e = NftDiagnostics.failure("apply", "", new NftTransaction().raw("list ruleset"), "list ruleset\n", "segfault\n");
        assertThat(e.line()).isZero();
        assertThat(e.getMessage()).isEqualTo("nft apply of 1-line transaction failed: segfault");
    }
}
