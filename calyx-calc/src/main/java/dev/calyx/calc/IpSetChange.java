package dev.calyx.calc;

import java.util.List;

/** What happened to an IP set since the last flush, as the output cache asks for it. */
sealed interface IpSetChange {
    /** Not active. */
    record Absent() implements IpSetChange {
    }

    /** New (or deactivated and reactivated) since the last flush: report the whole set. */
    record Full(IpSet set) implements IpSetChange {
    }

    /** Active before and after: members that appeared and disappeared, sorted. */
    record Delta(List<IpSetMember> added, List<IpSetMember> removed) implements IpSetChange {
        public Delta {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }
}
