package dev.calyx.lab;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConvergenceTest {
    static final List<PodRef> ORDER = List.of(PodRef.parse("x/a"), PodRef.parse("x/b"));
    static final Matrix OPEN = Matrix.of(ORDER, (a, b) -> true);
    static final Matrix CLOSED = Matrix.of(ORDER, (a, b) -> false);

    @Test
    void stopsAtTheFirstMatchingObservation() {
        AtomicInteger calls = new AtomicInteger();
        Convergence c = new Convergence(Duration.ZERO, Duration.ofMinutes(5));
        Matrix got = c.await(() -> calls.incrementAndGet() < 3 ? CLOSED : OPEN, OPEN, false);
        assertThat(got).isEqualTo(OPEN);
        assertThat(calls).hasValue(3);
    }

    @Test
    void reportsTheLastObservationWhenNothingMatches() {
        AtomicInteger calls = new AtomicInteger();
        Convergence c = new Convergence(Duration.ZERO, Duration.ZERO);
        Matrix got = c.await(() -> {
            calls.incrementAndGet();
            return CLOSED;
        }, OPEN, false);
        assertThat(got).isEqualTo(CLOSED);
        assertThat(calls).hasValue(1);
    }

    @Test
    void loopbackCellsCanBeIgnored() {
        Matrix selfBlocked = Matrix.of(ORDER, (a, b) -> !a.equals(b));
        Convergence c = new Convergence(Duration.ZERO, Duration.ZERO);
        assertThat(c.await(() -> selfBlocked, OPEN, true)).isEqualTo(selfBlocked);
        assertThat(OPEN.diff(selfBlocked, true)).isEmpty();
    }
}
