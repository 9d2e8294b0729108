package dev.calyx.cni.shim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonPeekTest {
    private static String peek(String json) {
        return JsonPeek.cniVersion(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsTheVersionOrNothing() {
        assertThat(peek("{ \"cniVersion\" :\n \"1.0.0\", \"name\":\"n\"}")).isEqualTo("1.0.0");
        assertThat(peek("{\"name\":\"n\"}")).isEmpty();
        assertThat(peek("{\"cniVersion\":\"1.0.0")).isEmpty();
        assertThat(peek("{\"cniVersion\":\"\\\"}\"}")).isEmpty();
        assertThat(peek("{\"cniVersion\":1}")).isEmpty();
        assertThat(peek("")).isEmpty();
    }
}
