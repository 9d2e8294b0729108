package dev.calyx.model.validation;

import java.util.ArrayList;
import java.util.List;

/** Accumulates field errors while a validator walks an object (single-threaded, one per validation). */
final class Problems {
    private final List<FieldError> errors = new ArrayList<>();

    void add(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    List<FieldError> list() {
        return List.copyOf(errors);
    }

    static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String at(String path, int index) {
        return path + "[" + index + "]";
    }
}
