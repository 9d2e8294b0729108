package dev.calyx.model.validation;

import java.util.Objects;

/** One problem: the JSON path of the field at fault ({@code spec.ingress[0].action}) and what is wrong. */
public record FieldError(String path, String message) {
    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
