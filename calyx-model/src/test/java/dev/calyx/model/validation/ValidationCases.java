package dev.calyx.model.validation;

import dev.calyx.model.Resource;
import dev.calyx.model.codec.ResourceCodec;
import dev.calyx.model.defaults.Defaults;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared driver: decode a one-line flow-YAML object, apply defaults, validate, check the outcome. */
final class ValidationCases {
    private ValidationCases() {
    }

    static List<FieldError> run(String kind, String name, String namespace, String spec) {
        String ns = namespace == null ? "" : ", namespace: " + namespace;
        String text = "apiVersion: projectcalico.org/v3\nkind: " + kind + "\nmetadata: {name: '" + name + "'" + ns
                + "}\nspec: " + spec + "\n";
        Resource r = Defaults.apply(ResourceCodec.INSTANCE.decode(text, kind));
        return Validator.validate(r);
    }

    /** {@code path} empty = must be valid; otherwise an error at that path whose message contains {@code text}. */
    static void expect(List<FieldError> errors, String path, String text) {
        if (path == null || path.isEmpty()) {
            assertThat(errors).as("expected valid").isEmpty();
            return;
        }
        assertThat(errors).as("expected an error at %s containing \"%s\"", path, text)
                .anySatisfy(e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.message()).contains(text);
                });
    }
}
