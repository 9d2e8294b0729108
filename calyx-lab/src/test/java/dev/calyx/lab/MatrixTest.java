package dev.calyx.lab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatrixTest {
    static final String TEXT = """
            -   x/a x/b x/c
            x/a X   .   .
            x/b .   .   X
            x/c .   .   .
            """;

    @Test
    void rendersExactlyWhatItParsed() {
        Matrix m = Matrix.parse(TEXT, "t");
        assertThat(m.render()).isEqualTo(TEXT);
        assertThat(m.connects(PodRef.parse("x/a"), PodRef.parse("x/a"))).isFalse();
        assertThat(m.connects(PodRef.parse("x/b"), PodRef.parse("x/c"))).isFalse();
        assertThat(m.connects(PodRef.parse("x/c"), PodRef.parse("x/a"))).isTrue();
    }

    @Test
    void diffListsDifferingCellsAndCanIgnoreLoopback() {
        Matrix want = Matrix.parse(TEXT, "t");
        Matrix got = Matrix.of(want.order(), (a, b) -> true);
        assertThat(want.diff(got, false)).extracting(Object::toString)
                .containsExactly("x/a -> x/a: expected X, observed .", "x/b -> x/c: expected X, observed .");
        assertThat(want.diff(got, true)).extracting(Object::toString)
                .containsExactly("x/b -> x/c: expected X, observed .");
        assertThat(want.diff(want, false)).isEmpty();
    }

    @Test
    void badShapesAreNamed() {
        assertThatThrownBy(() -> Matrix.parse("-   x/a x/b\nx/a . .\n", "f.yaml"))
                .hasMessageContaining("f.yaml").hasMessageContaining("1 rows, want 2");
        assertThatThrownBy(() -> Matrix.parse("-   x/a\nx/b .\n", "f.yaml"))
                .hasMessageContaining("labelled 'x/b', want 'x/a'");
        assertThatThrownBy(() -> Matrix.parse("-   x/a\nx/a ?\n", "f.yaml"))
                .hasMessageContaining("'?'");
        assertThatThrownBy(() -> new Matrix(List.of(PodRef.parse("x/a")), List.of("..")))
                .isInstanceOf(LabFormatException.class);
    }
}
