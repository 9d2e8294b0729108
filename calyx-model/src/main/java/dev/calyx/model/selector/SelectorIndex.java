package dev.calyx.model.selector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which selectors match which endpoints, kept up to date incrementally as endpoints and selectors come, change
 * and go; a {@link MatchListener} hears each match start and stop. The dataplane builds its address sets (one
 * per selector, holding the addresses of the matching endpoints) on these events.
 *
 * <p>Design. Re-evaluating every selector against every endpoint on each update would cost
 * O(endpoints × selectors); instead each side is narrowed by an inverted index, like felix's label index:
 * <pre>
 *   selector ──chooseTerm──▶ one required term ──▶ SelectorPostings  k=v ▶ selectors, k ▶ selectors, unindexed
 *   endpoint ──labels─────────────────────────────▶ EndpointPostings  k=v ▶ endpoints, k ▶ endpoints
 *
 *   endpoint update: candidates = selectors filed under one of its k=v pairs or keys + unindexed selectors
 *   selector update: candidates = endpoints having the selector's term (all endpoints if unindexed)
 *   then evaluate only the candidates, diff against the current matches, fire start/stop
 *   (a relabelled endpoint skips evaluating candidates that read none of the changed keys: same answer)
 * </pre>
 * A selector is filed under one label test every match must pass ({@link IndexTerm}): for
 * {@code app == "web" && tier != "db"} that is {@code app=web}, so an endpoint labelled {@code app=api} never
 * evaluates it. When a selector implies several tests ({@code env == "prod" && app == "web"}) the one the fewest
 * current endpoints pass is chosen, counted in the endpoint postings as the selector is added; a selector added
 * before the endpoints falls back to a static guess (smallest value set, then key order), so feeding endpoints
 * first gives the best index. Only selectors that imply no test ({@code !has(x)}, {@code env != "prod"},
 * {@code all()}) are tried on every endpoint; selectors that can never match are filed nowhere. A candidate
 * is always evaluated in full, so the index only saves work and never changes an answer.
 *
 * <p>Costs: an endpoint update evaluates the selectors filed under its labels plus the unindexed ones; a
 * selector update evaluates the endpoints carrying its term. Memory is O(matches + labels + selectors).
 *
 * <p>Thread safety: none. The index is mutable state owned by one thread (the agent's calculation loop); the
 * listener is called on that thread, after the index is updated, so it may query the index.
 *
 * @param <S> selector id (a policy rule's selector id, for example)
 * @param <E> endpoint id
 */
public final class SelectorIndex<S, E> {

    /** Hears matches start and stop. Called synchronously, once per change, never for an unchanged match. */
    public interface MatchListener<S, E> {
        void matchStarted(S selector, E endpoint);

        void matchStopped(S selector, E endpoint);
    }

    private record IndexedSelector(Selector selector, IndexTerm term) {}

    private final MatchListener<S, E> listener;
    private final Map<S, IndexedSelector> selectors = new HashMap<>();
    private final Map<E, Map<String, String>> endpoints = new HashMap<>();
    private final SelectorPostings<S> selectorPostings = new SelectorPostings<>();
    private final EndpointPostings<E> endpointPostings = new EndpointPostings<>();
    private final Map<S, Set<E>> endpointsBySelector = new HashMap<>();
    private final Map<E, Set<S>> selectorsByEndpoint = new HashMap<>();

    public SelectorIndex(MatchListener<S, E> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Adds a selector or replaces the one under {@code id}; only matches that change are reported. */
    public void updateSelector(S id, Selector selector) {
        Objects.requireNonNull(id, "selector id");
        Objects.requireNonNull(selector, "selector " + id);
        IndexedSelector old = selectors.get(id);
        if (old != null && old.selector().equals(selector)) {
            return;
        }
        IndexedSelector now = new IndexedSelector(selector, chooseTerm(selector));
        if (old != null) {
            selectorPostings.remove(id, old.term());
        }
        selectors.put(id, now);
        selectorPostings.add(id, now.term());
        Set<E> matches = new HashSet<>();
        List<Set<E>> candidates = endpointPostings.candidates(now.term());
        for (Set<E> group : candidates == null ? List.of(endpoints.keySet()) : candidates) {
            for (E e : group) {
                if (selector.matches(endpoints.get(e))) {
                    matches.add(e);
                }
            }
        }
        applySelectorMatches(id, matches);
    }

    /**
     * Of the terms the selector implies, the one fewest current endpoints pass (ties: the static preference of
     * {@link IndexTerm#options}). {@code app == "web" && env == "prod"} is filed under app=web when there are
     * many apps and few environments.
     */
    private IndexTerm chooseTerm(Selector selector) {
        IndexTerm best = null;
        int bestCount = Integer.MAX_VALUE;
        for (IndexTerm term : IndexTerm.options(selector.root())) {
            int count = endpointPostings.count(term);
            if (best == null || count < bestCount) {
                best = term;
                bestCount = count;
            }
        }
        return best;
    }

    /** Removes a selector; its matches stop. Unknown ids are ignored. */
    public void deleteSelector(S id) {
        IndexedSelector old = selectors.remove(id);
        if (old == null) {
            return;
        }
        selectorPostings.remove(id, old.term());
        applySelectorMatches(id, Set.of());
    }

    /** Adds an endpoint or replaces its labels; only matches that change are reported. */
    public void updateEndpoint(E id, Map<String, String> labels) {
        Objects.requireNonNull(id, "endpoint id");
        Map<String, String> now = Map.copyOf(Objects.requireNonNull(labels, "labels of endpoint " + id));
        Map<String, String> old = endpoints.get(id);
        if (now.equals(old)) {
            return;
        }
        if (old != null) {
            endpointPostings.update(id, old, now);
        } else {
            endpointPostings.add(id, now);
        }
        endpoints.put(id, now);
        Set<String> changed = old == null ? null : changedKeys(old, now);
        Set<S> before = selectorsByEndpoint.getOrDefault(id, Set.of());
        Set<S> matches = new HashSet<>();
        selectorPostings.forEachCandidate(now, s -> {
            Selector sel = selectors.get(s).selector();
            boolean match = changed != null && readsNoneOf(sel, changed) ? before.contains(s) : sel.matches(now);
            if (match) {
                matches.add(s);
            }
        });
        applyEndpointMatches(id, matches);
    }

    /** Keys added, removed or given another value: usually one. */
    private static Set<String> changedKeys(Map<String, String> old, Map<String, String> now) {
        Set<String> changed = new HashSet<>();
        old.forEach((k, v) -> {
            if (!v.equals(now.get(k))) {
                changed.add(k);
            }
        });
        now.keySet().forEach(k -> {
            if (!old.containsKey(k)) {
                changed.add(k);
            }
        });
        return changed;
    }

    /** A selector that reads none of the changed keys gives the same answer as before the change. */
    private static boolean readsNoneOf(Selector selector, Set<String> changed) {
        for (String k : changed) {
            if (selector.labelKeys().contains(k)) {
                return false;
            }
        }
        return true;
    }

    /** Removes an endpoint; its matches stop. Unknown ids are ignored. */
    public void deleteEndpoint(E id) {
        Map<String, String> old = endpoints.remove(id);
        if (old == null) {
            return;
        }
        endpointPostings.remove(id, old);
        applyEndpointMatches(id, Set.of());
    }

    /** Endpoints the selector currently matches (empty for an unknown selector); a copy. */
    public Set<E> endpointsMatching(S selector) {
        return Set.copyOf(endpointsBySelector.getOrDefault(selector, Set.of()));
    }

    /** Selectors that currently match the endpoint (empty for an unknown endpoint); a copy. */
    public Set<S> selectorsMatching(E endpoint) {
        return Set.copyOf(selectorsByEndpoint.getOrDefault(endpoint, Set.of()));
    }

    public Selector selector(S id) {
        IndexedSelector s = selectors.get(id);
        return s == null ? null : s.selector();
    }

    public Map<String, String> labels(E id) {
        return endpoints.get(id);
    }

    public int selectorCount() {
        return selectors.size();
    }

    public int endpointCount() {
        return endpoints.size();
    }

    /** Selectors tried on every endpoint update because they imply no label test (for diagnostics). */
    public int unindexedSelectorCount() {
        return selectorPostings.unindexedCount();
    }

    private void applySelectorMatches(S id, Set<E> now) {
        Set<E> before = endpointsBySelector.getOrDefault(id, Set.of());
        List<E> started = missingFrom(before, now);
        List<E> stopped = missingFrom(now, before);
        stopped.forEach(e -> unlink(id, e));
        started.forEach(e -> link(id, e));
        stopped.forEach(e -> listener.matchStopped(id, e));
        started.forEach(e -> listener.matchStarted(id, e));
    }

    private void applyEndpointMatches(E id, Set<S> now) {
        Set<S> before = selectorsByEndpoint.getOrDefault(id, Set.of());
        List<S> started = missingFrom(before, now);
        List<S> stopped = missingFrom(now, before);
        stopped.forEach(s -> unlink(s, id));
        started.forEach(s -> link(s, id));
        stopped.forEach(s -> listener.matchStopped(s, id));
        started.forEach(s -> listener.matchStarted(s, id));
    }

    /** Members of {@code items} that {@code reference} lacks, collected before either set is changed. */
    private static <T> List<T> missingFrom(Set<T> reference, Set<T> items) {
        List<T> out = new ArrayList<>();
        for (T t : items) {
            if (!reference.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private void link(S s, E e) {
        endpointsBySelector.computeIfAbsent(s, k -> new HashSet<>()).add(e);
        selectorsByEndpoint.computeIfAbsent(e, k -> new HashSet<>()).add(s);
    }

    private void unlink(S s, E e) {
        Set<E> es = endpointsBySelector.get(s);
        es.remove(e);
        if (es.isEmpty()) {
            endpointsBySelector.remove(s);
        }
        Set<S> ss = selectorsByEndpoint.get(e);
        ss.remove(s);
        if (ss.isEmpty()) {
            selectorsByEndpoint.remove(e);
        }
    }
}
