package dev.calyx.model.defaults;

import dev.calyx.model.FelixConfiguration;

import java.lang.reflect.RecordComponent;

/**
 * Copies of the (very wide) FelixConfiguration spec with one component replaced, via the record's canonical
 * constructor, so defaulting does not have to spell out 179 arguments.
 */
final class FelixSpecs {
    private FelixSpecs() {
    }

    static FelixConfiguration.Spec withNftablesMode(FelixConfiguration.Spec spec, String mode) {
        return with(spec, "nftablesMode", mode);
    }

    static FelixConfiguration.Spec with(FelixConfiguration.Spec spec, String component, Object value) {
        try {
            RecordComponent[] components = FelixConfiguration.Spec.class.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            boolean found = false;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals(component)) {
                    args[i] = value;
                    found = true;
                } else {
                    args[i] = components[i].getAccessor().invoke(spec);
                }
            }
            if (!found) {
                throw new IllegalArgumentException("FelixConfiguration has no field " + component);
            }
            return FelixConfiguration.Spec.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy FelixConfiguration.Spec", e);
        }
    }
}
