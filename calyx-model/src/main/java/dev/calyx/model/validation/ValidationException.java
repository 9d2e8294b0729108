package dev.calyx.model.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An object failed validation. Carries all its problems, so one apply reports everything at once; the message
 * names the object on every line: {@code GlobalNetworkPolicy/deny-all: spec.ingress[0].action: ...}.
 */
public final class ValidationException extends IllegalArgumentException {
    private final String objectRef;
    private final List<FieldError> errors;

    public ValidationException(String objectRef, List<FieldError> errors) {
        super(format(objectRef, errors));
        this.objectRef = objectRef;
        this.errors = List.copyOf(errors);
    }

    private static String format(String objectRef, List<FieldError> errors) {
        return errors.stream().map(e -> objectRef + ": " + e).collect(Collectors.joining("\n"));
    }

    /** {@code Kind/name} or {@code Kind/namespace/name}. */
    public String objectRef() {
        return objectRef;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
