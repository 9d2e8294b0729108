package dev.calyx.agent.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultCodecTest {
    static final CniResult RESULT = new CniResult(
            List.of(new CniResult.Interface("cali1", "ee:ee:ee:ee:ee:ee", ""),
                    new CniResult.Interface("eth0", "0a:58:0a:00:00:02", "/var/run/netns/p", Optional.of(1450), "", "")),
            List.of(new CniResult.IpConfig("10.0.0.2/32", "", Optional.of(1)), new CniResult.IpConfig("fd00::2/128", "fd00::1", Optional.of(1))),
            List.of(new CniResult.Route("0.0.0.0/0", "169.254.1.1", Optional.of(1400), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(0))),
            new CniResult.Dns(List.of("10.96.0.10"), "cluster.local", List.of(), List.of()));

    @Test
    void version040CarriesIpVersionAndNo11Fields() {
        JsonNode j = ResultCodec.toJson(RESULT, "0.4.0");
        assertThat(j.get("ips").get(0).get("version").asText()).isEqualTo("4");
        assertThat(j.get("ips").get(1).get("version").asText()).isEqualTo("6");
        assertThat(j.get("interfaces").get(1).has("mtu")).isFalse();
        assertThat(j.get("routes").get(0).has("mtu")).isFalse();
        assertThat(j.get("dns").get("nameservers").get(0).asText()).isEqualTo("10.96.0.10");
    }

    @Test
    void version100DropsIpVersionAnd110AddsMtuAndRouteFields() {
        JsonNode v100 = ResultCodec.toJson(RESULT, "1.0.0");
        assertThat(v100.get("ips").get(0).has("version")).isFalse();
        assertThat(v100.get("interfaces").get(1).has("mtu")).isFalse();
        JsonNode v110 = ResultCodec.toJson(RESULT, "1.1.0");
        assertThat(v110.get("interfaces").get(1).get("mtu").asInt()).isEqualTo(1450);
        assertThat(v110.get("routes").get(0).get("mtu").asInt()).isEqualTo(1400);
        assertThat(v110.get("routes").get(0).get("scope").asInt()).isZero();
        assertThat(v110.get("interfaces").get(0).has("sandbox")).isFalse();
        assertThat(v110.get("ips").get(0).has("gateway")).isFalse();
    }

    @Test
    void decodeReadsAnyVersionBack() throws Exception {
        for (String v : List.of("0.3.1", "0.4.0", "1.0.0", "1.1.0")) {
            CniResult back = ResultCodec.decode(ResultCodec.JSON.readTree(ResultCodec.encode(RESULT, v)), "test");
            assertThat(back.ips()).isEqualTo(RESULT.ips());
            assertThat(back.interfaces().get(1).name()).isEqualTo("eth0");
        }
    }

    @Test
    void invalidResultsAreRejected() {
        assertThatThrownBy(() -> new CniResult(List.of(), List.of(new CniResult.IpConfig("10.0.0.2/32", "", Optional.of(0))), List.of(), null))
                .hasMessageContaining("interface index 0");
        assertThatThrownBy(() -> new CniResult.IpConfig("10.0.0.2", "", Optional.empty())).hasMessageContaining("CIDR");
        assertThatThrownBy(() -> new CniResult.Interface("eth0", "zz", "")).hasMessageContaining("mac");
        assertThatThrownBy(() -> ResultCodec.decode(ResultCodec.JSON.readTree("{\"ips\":[{\"address\":\"bad\"}]}"), "prevResult"))
                .isInstanceOf(CniException.class).extracting(e -> ((CniException) e).code()).isEqualTo(6);
    }

    @Test
    void chainingAppendsAfterPrevResultAndShiftsIndexes() {
        CniResult prev = new CniResult(List.of(new CniResult.Interface("br0", "", "")),
                List.of(new CniResult.IpConfig("10.1.0.1/24", "", Optional.of(0))), List.of(), null);
        CniResult chained = RESULT.chainedAfter(prev);
        assertThat(chained.interfaces()).extracting(CniResult.Interface::name).containsExactly("br0", "cali1", "eth0");
        assertThat(chained.ips()).extracting(ip -> ip.interfaceIndex().orElseThrow()).containsExactly(0, 2, 2);
        assertThat(CniResult.EMPTY.chainedAfter(prev)).isEqualTo(prev);
    }

    @Test
    void netConfParsesCalicoFieldsCapabilitiesAndIgnoresUnknownKeys() {
        String conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"k8s-pod-network\",\"type\":\"calyx\",\"log_level\":\"info\","
                + "\"datastore_type\":\"etcdv3\",\"nodename\":\"n1\",\"mtu\":0,\"ipam\":{\"type\":\"calyx-ipam\",\"assign_ipv6\":\"true\","
                + "\"ipv4_pools\":[\"default-ipv4-ippool\"]},\"capabilities\":{\"portMappings\":true,\"bandwidth\":false},"
                + "\"runtimeConfig\":{\"portMappings\":[{\"hostPort\":8080}],\"bandwidth\":{}},\"policy\":{\"type\":\"k8s\"},\"whatever\":[1]}";
        NetConf c = NetConfParser.parse(conf.getBytes(StandardCharsets.UTF_8));
        assertThat(c.nodename()).isEqualTo("n1");
        assertThat(c.logLevel()).isEqualTo("info");
        assertThat(c.datastoreType()).isEqualTo("etcdv3");
        assertThat(c.mtu()).isZero();
        NetConf.IpamConf ipam = c.ipam().orElseThrow();
        assertThat(ipam.isDelegated()).isFalse();
        assertThat(ipam.assignIpv4()).isTrue();
        assertThat(ipam.assignIpv6()).isTrue();
        assertThat(ipam.ipv4Pools()).containsExactly("default-ipv4-ippool");
        assertThat(c.hasCapability("portMappings")).isTrue();
        assertThat(c.hasCapability("bandwidth")).isFalse();
        assertThat(c.runtimeConfigFor("portMappings").orElseThrow().get(0).get("hostPort").asInt()).isEqualTo(8080);
        assertThat(c.runtimeConfigFor("bandwidth")).as("declared false: ignored").isEmpty();
        assertThat(c.runtimeConfigFor("mac")).isEmpty();
        assertThat(c.prevResult()).isEmpty();
        assertThat(c.validAttachments()).isEmpty();
    }

    @Test
    void badPluginFieldsNameTheField() {
        assertThatThrownBy(() -> NetConfParser.parse("{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"type\":\"calyx\",\"ipam\":{}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("ipam.type").extracting(e -> ((CniException) e).code()).isEqualTo(7);
        assertThatThrownBy(() -> NetConfParser.parse("{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"type\":\"calyx\",\"nodename\":5}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("nodename").extracting(e -> ((CniException) e).code()).isEqualTo(7);
        assertThatThrownBy(() -> NetConfParser.parse(new byte[0]))
                .extracting(e -> ((CniException) e).code()).isEqualTo(6);
    }
}
