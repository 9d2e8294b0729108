package dev.calyx.calc;

import java.util.List;
import java.util.Objects;

/**
 * An active IP set: its id ({@code s:...} for a selector, {@code n:...} for a named port), whether members carry a
 * protocol and port, and its members in sorted order (so equal sets compare equal whatever the arrival order).
 */
public record IpSet(String id, boolean namedPort, List<IpSetMember> members) {
    public IpSet {
        Objects.requireNonNull(id, "ip set id");
        members = List.copyOf(members);
        for (int i = 1; i < members.size(); i++) {
            if (members.get(i - 1).compareTo(members.get(i)) >= 0) {
                throw new IllegalArgumentException("ip set " + id + ": members must be sorted and distinct");
            }
        }
    }
}
