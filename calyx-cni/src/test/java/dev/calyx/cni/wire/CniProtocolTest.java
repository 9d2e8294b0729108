package dev.calyx.cni.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CniProtocolTest {
    private static Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    @Test
    void addNamesEveryMissingVariableAtOnceAndEmptyCountsAsMissing() {
        CniError e = CniProtocol.validateEnvironment("ADD", env("CNI_CONTAINERID", "abc", "CNI_NETNS", ""));
        assertThat(e.code()).isEqualTo(4);
        assertThat(e.msg()).isEqualTo("required env variables [CNI_NETNS,CNI_IFNAME,CNI_PATH] missing");
    }

    @Test
    void delToleratesMissingNetnsAndGcStatusNeedNoContainer() {
        assertThat(CniProtocol.validateEnvironment("DEL", env("CNI_CONTAINERID", "abc", "CNI_IFNAME", "eth0", "CNI_PATH", "/x"))).isNull();
        assertThat(CniProtocol.validateEnvironment("GC", env("CNI_PATH", "/x"))).isNull();
        assertThat(CniProtocol.validateEnvironment("GC", env()).msg()).contains("CNI_PATH");
        assertThat(CniProtocol.validateEnvironment("STATUS", env())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-bad", "a b", "a/b", "_x", "ä"})
    void invalidContainerIdsAreCode4(String id) {
        CniError e = CniProtocol.validateEnvironment("CHECK", env("CNI_CONTAINERID", id, "CNI_NETNS", "/n", "CNI_IFNAME", "eth0", "CNI_PATH", "/p"));
        assertThat(e.code()).isEqualTo(4);
        assertThat(e.msg()).contains("containerID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijklmnop", ".", "..", "eth/0", "eth:0", "eth 0", "eth\t0"})
    void invalidInterfaceNamesAreCode4(String ifname) {
        CniError e = CniProtocol.validateEnvironment("ADD", env("CNI_CONTAINERID", "c1", "CNI_NETNS", "/n", "CNI_IFNAME", ifname, "CNI_PATH", "/p"));
        assertThat(e.code()).isEqualTo(4);
        assertThat(e.msg()).contains("interface name");
    }

    @Test
    void fifteenCharacterInterfaceNameIsFine() {
        assertThat(CniProtocol.validateIfName("abcdefghijklmno")).isNull();
    }

    @Test
    void versionJsonListsEverySupportedVersion() {
        assertThat(CniProtocol.versionJson())
                .isEqualTo("{\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}");
    }

    @Test
    void errorObjectShapeAndEscaping() {
        CniError e = new CniError(7, "bad \"name\"", "line\nbreak \\ \u0001");
        assertThat(new String(e.toJson("1.0.0"), StandardCharsets.UTF_8))
                .isEqualTo("{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"bad \\\"name\\\"\",\"details\":\"line\\nbreak \\\\ \\u0001\"}");
        assertThat(new String(new CniError(4, "m", "").toJson(""), StandardCharsets.UTF_8)).isEqualTo("{\"code\":4,\"msg\":\"m\"}");
    }
}
