package dev.calyx.model;

import dev.calyx.model.codec.ResourceCodec;
import dev.calyx.model.defaults.Defaults;
import dev.calyx.model.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThatCode;

/** Every kind survives decode, defaults, validation and encoding with no spec, or an empty one, at all. */
class NullSafetyTest {
    private final ResourceCodec codec = ResourceCodec.INSTANCE;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void missingOrEmptySpecNeverCrashes(Kind kind) {
        String meta = "metadata: {name: default" + (kind.namespaced() ? ", namespace: prod" : "") + "}\n";
        for (String body : new String[]{"", "spec: {}\n"}) {
            String text = "apiVersion: " + kind.apiVersion() + "\nkind: " + kind.kindName() + "\n" + meta + body;
            assertThatCode(() -> {
                Resource r = codec.decode(text, kind.kindName());
                Resource d = Defaults.apply(r);
                Validator.validate(d);
                codec.decode(codec.encodeYaml(d), "again");
            }).as("%s with %s", kind, body.isEmpty() ? "no spec" : "an empty spec").doesNotThrowAnyException();
        }
    }
}
