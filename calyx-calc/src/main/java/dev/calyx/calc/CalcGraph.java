package dev.calyx.calc;

import dev.calyx.model.Kind;
import dev.calyx.model.Resource;
import dev.calyx.model.Tier;
import java.util.Map;
import java.util.Objects;

/**
 * The calculation graph: resource updates in, the desired policy state of this node out (Felix's
 * {@code calc_graph.go}).
 *
 * <h2>Model</h2>
 * Input is a stream of upserts and deletes of the model's records (policies, profiles, tiers, network sets,
 * endpoints, Kubernetes NetworkPolicies and Namespaces) plus the local node name. Output, on {@link #flush()},
 * goes to {@link DataplaneCallbacks}: for each LOCAL endpoint its interface, addresses, tiers and policies in
 * order per direction and its profiles; for each ACTIVE policy/profile (one that applies to a local endpoint)
 * its rules with selectors replaced by IP-set ids; for each ACTIVE IP set (one an active rule uses) its members,
 * gathered from all endpoints and network sets of the cluster (whole when the set appears, then as deltas).
 * {@link #desiredState()} is the same as one value.
 *
 * <h2>Design</h2>
 * Small nodes, each owning one concern, wired here:
 * <pre>
 *  onUpdate/onDelete
 *        │
 *        ▼
 *  UpdateDispatcher ── dedup, K8s conversion (knp.default.*, kns.*), compile policies (RuleResolver:
 *        │              selectors ─▶ IpSetSpec ids), route by kind
 *        ├─ tiers ─────────────────────────────────────────────────────────────────▶ PolicyResolver
 *        ├─ policies, profiles (rules) ────────────────▶ ActiveRulesCalculator            │
 *        │                                              SelectorIndex(policy × LOCAL ep)   │
 *        ├─ profiles (labelsToApply) ─┐                   │ active ⇒ addRef/removeRef      │
 *        ▼                            ▼                   ▼                                │
 *  endpoints, network sets ─▶ LabelInheritance ─┬─▶ IpSetCalculator                        │
 *                         (effective labels)    │   SelectorIndex(ip set × ALL items)      │
 *                                               │   counted members                        │
 *                                               └─▶ local endpoints ─▶ ActiveRulesCalculator
 *                                                                                           │
 *  every node marks keys in DirtyKeys ─▶ flush(): OutputCache recomputes dirty keys only ──▶ DataplaneCallbacks
 *                                          (PolicyResolver sorts tiers/policies per dirty endpoint;
 *                                           IpSetCalculator hands over net member deltas)
 * </pre>
 * Costs: a policy update evaluates only the local endpoints its selector's index term admits, an endpoint update
 * only candidate selectors; rules are resolved once per policy version and shared by key, IP sets once per
 * distinct selector; so rules and IP-set members grow with the SUM of endpoints and policies, never their
 * product, and an endpoint only lists the keys of the policies that select it.
 *
 * <p>Determinism: every node holds a function of the current inputs only (no history): matches come from the
 * selector indexes, members and activations are reference counts, and the output is compared against what was
 * last reported. The same inputs in any order, duplicated or not, flushed at any points, give the same output.
 * Deletes of unknown keys and updates equal to the current value are no-ops.
 *
 * <p>Errors: an input the graph cannot use (unparseable selector, named port without protocol) is rejected by
 * {@link #onUpdate} with an {@link IllegalArgumentException} naming the resource, before any state changes.
 * Inputs are expected to have passed the model's validation; unknown rule actions and tiers fail closed.
 *
 * <h2>Thread safety</h2>
 * None. Pure and single-threaded: call from the agent's event loop only. No I/O, threads or clocks.
 */
public final class CalcGraph {
    private final DataplaneCallbacks callbacks;
    private final DirtyKeys dirty = new DirtyKeys();
    private final IpSetCalculator ipSets = new IpSetCalculator(dirty.ipSets::add);
    private final ActiveRulesCalculator activeRules = new ActiveRulesCalculator(ipSets, dirty);
    private final PolicyResolver resolver = new PolicyResolver();
    private final Map<EndpointKey, EndpointData> localEndpoints = new java.util.HashMap<>();
    private final LabelInheritance labels = new LabelInheritance(new ItemRouter());
    private final UpdateDispatcher dispatcher;
    private final OutputCache output = new OutputCache();
    private final OutputCache.Sources sources = new OutputCache.Sources(ipSets::change,
            activeRules::desiredPolicy, activeRules::desiredProfile, this::desiredEndpoint);

    public CalcGraph(String nodeName, DataplaneCallbacks callbacks) {
        Objects.requireNonNull(nodeName, "node name");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.dispatcher = new UpdateDispatcher(nodeName, new Router());
    }

    /** Adds or replaces a resource. */
    public void onUpdate(Resource resource) {
        dispatcher.onUpdate(Objects.requireNonNull(resource, "resource"));
    }

    /** Removes a resource; unknown keys are ignored. */
    public void onDelete(ResourceKey key) {
        dispatcher.onDelete(Objects.requireNonNull(key, "key"));
    }

    public void onDelete(Kind kind, String namespace, String name) {
        onDelete(new ResourceKey(kind, namespace, name));
    }

    /** Reports every change since the last flush to the callbacks, in dependency order. */
    public void flush() {
        output.flush(dirty, sources, callbacks);
        ipSets.changesReported();
    }

    /** The desired state as of the last {@link #flush()}. */
    public DesiredState desiredState() {
        return output.snapshot();
    }

    /** Members over all active IP sets plus rules over all active policies and profiles: what the kernel holds. */
    public long stateSize() {
        return (long) ipSets.memberCount() + activeRules.activeRuleCount();
    }

    private EndpointPolicy desiredEndpoint(EndpointKey key) {
        EndpointData data = localEndpoints.get(key);
        return data == null ? null
                : resolver.resolve(data, activeRules.policiesMatching(key), activeRules::policy);
    }

    /** Routes dispatcher output to the nodes. */
    private final class Router implements UpdateDispatcher.Routes {
        @Override
        public void policy(PolicyKey key, CompiledPolicy policy) {
            activeRules.updatePolicy(key, policy);
        }

        @Override
        public void policyDeleted(PolicyKey key) {
            activeRules.deletePolicy(key);
        }

        @Override
        public void profile(String name, CompiledPolicy profile, Map<String, String> labelsToApply) {
            activeRules.updateProfile(name, profile);
            labels.updateProfileLabels(name, labelsToApply);
        }

        @Override
        public void profileDeleted(String name) {
            activeRules.deleteProfile(name);
            labels.updateProfileLabels(name, null);
        }

        @Override
        public void tier(String name, Tier tier) {
            if (resolver.updateTier(name, tier)) {
                dirty.endpoints.addAll(localEndpoints.keySet());
            }
        }

        @Override
        public void item(EndpointData item) {
            labels.updateItem(item);
        }

        @Override
        public void itemDeleted(EndpointKey key) {
            labels.removeItem(key);
        }
    }

    /** Routes items with effective labels: all to the IP-set calculator, local endpoints to active rules too. */
    private final class ItemRouter implements LabelInheritance.Listener {
        @Override
        public void itemUpdated(EndpointData data, Map<String, String> effective, EndpointData old) {
            ipSets.updateItem(data, effective);
            if (data.local() && data.key().isEndpoint()) {
                localEndpoints.put(data.key(), data);
                activeRules.updateLocalEndpoint(data.key(), effective, data.profiles());
            } else if (localEndpoints.remove(data.key()) != null) {
                activeRules.removeLocalEndpoint(data.key());
            }
        }

        @Override
        public void itemRemoved(EndpointData old) {
            ipSets.removeItem(old.key());
            if (localEndpoints.remove(old.key()) != null) {
                activeRules.removeLocalEndpoint(old.key());
            }
        }
    }
}
