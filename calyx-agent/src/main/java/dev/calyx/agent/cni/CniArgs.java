package dev.calyx.agent.cni;

import dev.calyx.cni.wire.CniError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CNI_ARGS ({@code K1=V1;K2=V2}), parsed the way runtimes actually send it: every pair is read before
 * deciding about unknown keys (containerd puts IgnoreUnknown at a random position), each pair splits
 * on its first '=' (values may contain '='), empty segments are skipped, empty values are kept.
 * Unknown keys are an error (code 4) unless IgnoreUnknown is 1/true (any case), as in Go's LoadArgs.
 *
 * @param pairs         every pair in order of appearance (a repeated key keeps its last value)
 * @param ignoreUnknown whether IgnoreUnknown was set
 */
public record CniArgs(Map<String, String> pairs, boolean ignoreUnknown) {
    public static final String IGNORE_UNKNOWN = "IgnoreUnknown";
    public static final String K8S_POD_NAMESPACE = "K8S_POD_NAMESPACE";
    public static final String K8S_POD_NAME = "K8S_POD_NAME";
    public static final String K8S_POD_INFRA_CONTAINER_ID = "K8S_POD_INFRA_CONTAINER_ID";
    public static final String K8S_POD_UID = "K8S_POD_UID";
    /** Static address / MAC requests (podman, CRI-O) and Calico's IP override. */
    public static final String IP = "IP";
    public static final String MAC = "MAC";
    public static final Set<String> KNOWN = Set.of(IGNORE_UNKNOWN, K8S_POD_NAMESPACE, K8S_POD_NAME,
            K8S_POD_INFRA_CONTAINER_ID, K8S_POD_UID, IP, MAC);
    public static final CniArgs NONE = new CniArgs(Map.of(), false);

    public CniArgs {
        pairs = Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    }

    public static CniArgs parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String segment : raw.split(";", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            int eq = segment.indexOf('=');
            if (eq <= 0) {
                throw new CniException(CniError.INVALID_ENVIRONMENT, "invalid CNI_ARGS pair \"" + segment + "\"",
                        "CNI_ARGS must be KEY=VALUE pairs separated by ';'");
            }
            pairs.put(segment.substring(0, eq), segment.substring(eq + 1));
        }
        String ignore = pairs.getOrDefault(IGNORE_UNKNOWN, "");
        boolean ignoreUnknown = ignore.equals("1") || ignore.equalsIgnoreCase("true");
        if (!ignoreUnknown) {
            for (String key : pairs.keySet()) {
                if (!KNOWN.contains(key)) {
                    throw new CniException(CniError.INVALID_ENVIRONMENT, "unknown CNI_ARGS key \"" + key + "\"",
                            "add IgnoreUnknown=1 to CNI_ARGS to ignore keys calyx does not use");
                }
            }
        }
        return new CniArgs(pairs, ignoreUnknown);
    }

    /** The value of a key; absent when the key is missing or its value is empty. */
    public Optional<String> get(String key) {
        String value = pairs.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public Optional<String> podNamespace() {
        return get(K8S_POD_NAMESPACE);
    }

    public Optional<String> podName() {
        return get(K8S_POD_NAME);
    }

    public Optional<String> infraContainerId() {
        return get(K8S_POD_INFRA_CONTAINER_ID);
    }

    public Optional<String> podUid() {
        return get(K8S_POD_UID);
    }

    /**
     * Kubernetes only when both namespace and pod name are present: podman sends K8S_POD_NAME alone
     * (podman#12083), and keying off its presence would mistake every podman container for a pod.
     */
    public boolean isKubernetes() {
        return podNamespace().isPresent() && podName().isPresent();
    }
}
