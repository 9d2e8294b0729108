package dev.calyx.model;

import dev.calyx.model.defaults.Defaults;
import dev.calyx.model.validation.ValidationException;
import dev.calyx.model.validation.Validator;

/**
 * What Calico's clientv3 does to a resource before it is written: apply defaults, then validate. The one entry
 * point for {@code apply}/{@code create}/{@code replace} (and {@code --dry-run}).
 */
public final class Admission {
    private Admission() {
    }

    /**
     * The resource as it will be stored.
     *
     * @throws ValidationException listing every problem, each with its field path, if Calico would refuse it
     */
    public static Resource admit(Resource resource) {
        Resource defaulted = Defaults.apply(resource);
        Validator.check(defaulted);
        return defaulted;
    }
}
