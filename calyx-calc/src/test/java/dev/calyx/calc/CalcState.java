package dev.calyx.calc;

import dev.calyx.model.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A named state for state-sequence tests: the complete set of input resources and the exact expected output. */
record CalcState(String name, List<Resource> resources, DesiredState expected) {
    static final CalcState EMPTY = new CalcState("empty", List.of(), DesiredState.EMPTY);

    CalcState {
        resources = List.copyOf(resources);
    }

    Map<ResourceKey, Resource> byKey() {
        Map<ResourceKey, Resource> m = new LinkedHashMap<>();
        resources.forEach(r -> m.put(ResourceKey.of(r), r));
        return m;
    }

    @Override
    public String toString() {
        return name;
    }
}
