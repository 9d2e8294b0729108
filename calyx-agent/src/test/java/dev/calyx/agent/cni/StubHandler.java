package dev.calyx.agent.cni;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A CniHandler that records every call and answers at once; failures are injected per verb. */
final class StubHandler implements CniHandler {
    final List<CniRequest> calls = new CopyOnWriteArrayList<>();
    volatile RuntimeException failWith;

    static CniResult resultFor(CniRequest r) {
        return new CniResult(
                List.of(new CniResult.Interface("calitest0", "ee:ee:ee:ee:ee:ee", ""),
                        new CniResult.Interface(r.ifName(), "0A:58:0A:F4:00:05", r.netns(), Optional.of(1450), "", "")),
                List.of(new CniResult.IpConfig("10.244.0.5/32", "", Optional.of(1)),
                        new CniResult.IpConfig("fd00::5/128", "", Optional.of(1))),
                List.of(new CniResult.Route("0.0.0.0/0", "169.254.1.1", Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(254), Optional.empty())),
                CniResult.Dns.NONE);
    }

    private void record(CniRequest r) {
        calls.add(r);
        r.diagnostics().line("stub handled " + r.command());
        if (failWith != null) {
            throw failWith;
        }
    }

    List<CniRequest> calls(String command) {
        return calls.stream().filter(c -> c.command().equals(command)).toList();
    }

    @Override
    public CniResult add(CniRequest request) {
        record(request);
        return resultFor(request);
    }

    @Override
    public void del(CniRequest request) {
        record(request);
    }

    @Override
    public void check(CniRequest request) {
        record(request);
    }

    @Override
    public void status(CniRequest request) {
        record(request);
    }

    @Override
    public void gc(CniRequest request) {
        record(request);
    }
}
