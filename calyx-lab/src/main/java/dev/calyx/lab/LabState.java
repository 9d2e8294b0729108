package dev.calyx.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.calyx.kernel.netlink.IpPrefix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running lab consists of, persisted as {@code state.json} in the lab's state directory so that every
 * {@code calyx lab} command (a new process each time) finds the pods, labels and the server daemon's PID.
 *
 * <p>Written atomically (temp file + rename); a lab that died half-built is still removed by prefix.
 *
 * @param serverPid the {@code calyx lab serve} daemon, 0 when the servers run inside another process (tests)
 */
public record LabState(String prefix, List<String> nodes, List<PodState> pods,
                       Map<String, Map<String, String>> namespaceLabels, long serverPid) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LabState {
        Objects.requireNonNull(prefix, "prefix");
        nodes = List.copyOf(nodes);
        pods = List.copyOf(pods);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        namespaceLabels.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        namespaceLabels = java.util.Collections.unmodifiableMap(copy);
    }

    /** One pod as persisted: where it runs, its address, its ports and its current labels. */
    public record PodState(String ref, int node, String netns, String ip, String hostInterface,
                           Map<String, String> labels, List<ContainerPort> ports) {
        public PodState {
            labels = Map.copyOf(labels);
            ports = List.copyOf(ports);
        }

        public static PodState of(Pod pod, PodSpec spec, Map<String, String> labels) {
            return new PodState(pod.ref().toString(), pod.node(), pod.netns(), pod.ip().getHostAddress(),
                    pod.hostInterface(), labels, spec.ports());
        }

        public Pod pod() {
            return new Pod(PodRef.parse(ref), node, netns, IpPrefix.parseAddress(ip), hostInterface);
        }

        public PodSpec spec() {
            return new PodSpec(PodRef.parse(ref), labels, ports);
        }
    }

    public List<Pod> runningPods() {
        return pods.stream().map(PodState::pod).toList();
    }

    public Optional<PodState> pod(PodRef ref) {
        return pods.stream().filter(p -> p.ref().equals(ref.toString())).findFirst();
    }

    public LabState withServerPid(long pid) {
        return new LabState(prefix, nodes, pods, namespaceLabels, pid);
    }

    public LabState withPodLabels(PodRef ref, Map<String, String> labels) {
        List<PodState> out = new ArrayList<>();
        for (PodState p : pods) {
            out.add(p.ref().equals(ref.toString())
                    ? new PodState(p.ref(), p.node(), p.netns(), p.ip(), p.hostInterface(), labels, p.ports()) : p);
        }
        return new LabState(prefix, nodes, out, namespaceLabels, serverPid);
    }

    public LabState withNamespaceLabels(String namespace, Map<String, String> labels) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>(namespaceLabels);
        out.put(namespace, labels);
        return new LabState(prefix, nodes, pods, out, serverPid);
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LabException("write lab state " + file + ": " + e.getMessage(), e);
        }
    }

    /** The state in {@code file}, empty when no lab is up. */
    public static Optional<LabState> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), LabState.class));
        } catch (IOException e) {
            throw new LabException("read lab state " + file + ": " + e.getMessage()
                    + " (remove it with 'calyx lab down')", e);
        }
    }
}
