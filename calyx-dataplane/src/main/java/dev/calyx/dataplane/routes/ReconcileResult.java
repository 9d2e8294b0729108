package dev.calyx.dataplane.routes;

import dev.calyx.kernel.netlink.Route;

import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link HostRoutes#reconcile()} pass did.
 *
 * @param pending desired routes whose host veth does not exist yet (retried next pass)
 * @param failed  routes the kernel refused, each naming the destination, device and reason (retried next pass)
 */
public record ReconcileResult(List<Route> added, List<Route> replaced, List<Route> removed, List<String> pending,
                              List<String> failed) {
    public ReconcileResult {
        added = List.copyOf(added);
        replaced = List.copyOf(replaced);
        removed = List.copyOf(removed);
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
    }

    /** Whether the pass changed nothing in the kernel. */
    public boolean unchanged() {
        return added.isEmpty() && replaced.isEmpty() && removed.isEmpty();
    }

    /** Whether every desired route is in place. */
    public boolean converged() {
        return pending.isEmpty() && failed.isEmpty();
    }

    static final class Builder {
        private final List<Route> added = new ArrayList<>();
        private final List<Route> replaced = new ArrayList<>();
        private final List<Route> removed = new ArrayList<>();
        private final List<String> pending = new ArrayList<>();
        private final List<String> failed = new ArrayList<>();

        void added(Route r) {
            added.add(r);
        }

        void replaced(Route r) {
            replaced.add(r);
        }

        void removed(Route r) {
            removed.add(r);
        }

        void pending(String what) {
            pending.add(what);
        }

        void failed(String what) {
            failed.add(what);
        }

        ReconcileResult build() {
            return new ReconcileResult(added, replaced, removed, pending, failed);
        }
    }
}
