package dev.calyx.agent.metrics;

import dev.calyx.agent.cni.CniException;
import dev.calyx.agent.cni.CniHandler;
import dev.calyx.agent.cni.CniRequest;
import dev.calyx.agent.cni.CniResult;
import java.util.function.Supplier;

/** Counts and times every CNI verb on its way to the real handler; the result label is "ok" or the error code. */
public final class MeteredCniHandler implements CniHandler {
    private final CniHandler inner;
    private final AgentMetrics metrics;

    public MeteredCniHandler(CniHandler inner, AgentMetrics metrics) {
        this.inner = inner;
        this.metrics = metrics;
    }

    @Override
    public CniResult add(CniRequest request) {
        return timed("ADD", () -> inner.add(request));
    }

    @Override
    public void del(CniRequest request) {
        timed("DEL", () -> {
            inner.del(request);
            return null;
        });
    }

    @Override
    public void check(CniRequest request) {
        timed("CHECK", () -> {
            inner.check(request);
            return null;
        });
    }

    @Override
    public void status(CniRequest request) {
        timed("STATUS", () -> {
            inner.status(request);
            return null;
        });
    }

    @Override
    public void gc(CniRequest request) {
        timed("GC", () -> {
            inner.gc(request);
            return null;
        });
    }

    private <T> T timed(String command, Supplier<T> work) {
        long start = System.nanoTime();
        String result = "ok";
        try {
            return work.get();
        } catch (CniException e) {
            result = String.valueOf(e.code());
            throw e;
        } catch (RuntimeException e) {
            result = "999";
            throw e;
        } finally {
            metrics.recordCni(command, result, (System.nanoTime() - start) / 1e9);
        }
    }
}
