package dev.calyx.bench;

import dev.calyx.model.selector.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A cluster-shaped population of endpoints and selectors for the selector index benchmark: 50 namespaces,
 * 400 apps (each living in one namespace), tiers, environments and versions, and selectors of the kinds policies
 * use, including ~5% that imply no label test and must be tried on every endpoint. Seeded: every run
 * measures the same data.
 */
final class SelectorWorkload {
    static final String NAMESPACE = "projectcalico.org/namespace";
    static final String[] TIERS = {"web", "api", "db", "cache", "worker"};
    static final String[] ENVS = {"prod", "staging", "dev"};
    static final int NAMESPACES = 50;
    static final int APPS = 400;

    private final SplittableRandom rnd;

    SelectorWorkload(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    /** Labels of a pod of a random app: namespace, app, tier, env, version, sometimes a team or canary flag. */
    Map<String, String> endpointLabels() {
        int app = rnd.nextInt(APPS);
        Map<String, String> labels = new HashMap<>();
        labels.put(NAMESPACE, "ns-" + app % NAMESPACES);
        labels.put("projectcalico.org/orchestrator", "k8s");
        labels.put("app", "app-" + app);
        labels.put("tier", TIERS[app % TIERS.length]);
        labels.put("env", ENVS[app % ENVS.length]);
        labels.put("version", "v" + rnd.nextInt(5));
        if (rnd.nextInt(4) == 0) {
            labels.put("team", "team-" + app % 20);
        }
        if (rnd.nextInt(20) == 0) {
            labels.put("canary", "true");
        }
        return labels;
    }

    List<Map<String, String>> endpoints(int count) {
        List<Map<String, String>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(endpointLabels());
        }
        return out;
    }

    /** A selector of the kinds Calico and Kubernetes policies produce, weighted roughly as seen in clusters. */
    Selector selector() {
        int app = rnd.nextInt(APPS);
        String ns = "ns-" + app % NAMESPACES;
        int kind = rnd.nextInt(100);
        String text;
        if (kind < 35) {
            text = "projectcalico.org/orchestrator == 'k8s' && app == 'app-" + app + "'";
        } else if (kind < 55) {
            text = NAMESPACE + " == '" + ns + "' && app in {'app-" + app + "', 'app-" + (app + NAMESPACES) % APPS
                    + "'}";
        } else if (kind < 70) {
            text = "env == '" + ENVS[rnd.nextInt(ENVS.length)] + "' && tier == '" + TIERS[rnd.nextInt(TIERS.length)]
                    + "' && " + NAMESPACE + " == '" + ns + "'";
        } else if (kind < 80) {
            text = "has(team) && team == 'team-" + rnd.nextInt(20) + "' && version != 'v0'";
        } else if (kind < 88) {
            text = "tier in {'web', 'api'} && " + NAMESPACE + " == '" + ns + "' && env != 'dev'";
        } else if (kind < 95) {
            text = "app starts with 'app-" + rnd.nextInt(40) + "' && has(canary)";
        } else {
            text = rnd.nextBoolean() ? "!has(canary) && env != 'prod'" : "global() || version not in {'v1', 'v2'}";
        }
        return Selector.parse(text);
    }

    List<Selector> selectors(int count) {
        List<Selector> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(selector());
        }
        return out;
    }
}
