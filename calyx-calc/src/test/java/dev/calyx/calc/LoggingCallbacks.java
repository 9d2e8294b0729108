package dev.calyx.calc;

import java.util.ArrayList;
import java.util.List;

/** Records the kind of each call ({@code ipset+}, {@code policy-}, ...) and forwards it to a recorder. */
final class LoggingCallbacks implements DataplaneCallbacks {
    final DesiredStateRecorder recorder = new DesiredStateRecorder();
    final List<String> calls = new ArrayList<>();

    @Override
    public void ipSetUpdated(IpSet s) {
        calls.add("ipset+");
        recorder.ipSetUpdated(s);
    }

    @Override
    public void ipSetMembersChanged(String id, List<IpSetMember> added, List<IpSetMember> removed) {
        calls.add("ipset~");
        recorder.ipSetMembersChanged(id, added, removed);
    }

    @Override
    public void ipSetRemoved(String id) {
        calls.add("ipset-");
        recorder.ipSetRemoved(id);
    }

    @Override
    public void policyUpdated(PolicyKey k, ResolvedPolicy p) {
        calls.add("policy+");
        recorder.policyUpdated(k, p);
    }

    @Override
    public void policyRemoved(PolicyKey k) {
        calls.add("policy-");
        recorder.policyRemoved(k);
    }

    @Override
    public void profileUpdated(String n, ResolvedPolicy p) {
        calls.add("profile+");
        recorder.profileUpdated(n, p);
    }

    @Override
    public void profileRemoved(String n) {
        calls.add("profile-");
        recorder.profileRemoved(n);
    }

    @Override
    public void endpointUpdated(EndpointPolicy e) {
        calls.add("endpoint+");
        recorder.endpointUpdated(e);
    }

    @Override
    public void endpointRemoved(EndpointKey k) {
        calls.add("endpoint-");
        recorder.endpointRemoved(k);
    }
}
