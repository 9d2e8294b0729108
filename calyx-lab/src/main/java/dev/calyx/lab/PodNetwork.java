package dev.calyx.lab;

import java.util.List;

/**
 * How a pod gets a network: a namespace, an address and the wiring that makes it reachable from every other pod.
 *
 * <p>The lab's own {@link RoutedVethNetwork} wires pods the way Calico does, without any agent; the full lab
 * replaces it with one that runs the real CNI shim against the real node agent. Implementations own the node
 * namespaces; {@link #close()} removes them (and with them every pod's wiring).
 */
public interface PodNetwork extends AutoCloseable {
    /** The node namespaces, index = node number. */
    List<String> nodes();

    /** Creates the pod's namespace on {@code node} and wires it; on failure leaves nothing behind. */
    Pod attach(PodSpec spec, int node);

    /** Unwires the pod and removes its namespace; idempotent. */
    void detach(Pod pod);

    /** Removes the nodes and everything under them; idempotent. */
    @Override
    void close();
}
