package dev.calyx.cli.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calyx.preflight.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolChoiceTest {
    static List<IpPrefix> routes(String... cidrs) {
        return List.of(cidrs).stream().map(IpPrefix::parse).toList();
    }

    @Test
    void defaultPoolWhenNothingOverlapsAndTheDefaultRouteDoesNotCount() {
        PoolChoice c = PoolChoice.pick(routes("0.0.0.0/0", "192.0.2.0/24"));
        assertThat(c.pool()).hasToString("10.244.0.0/16");
        assertThat(c.reason()).isEmpty();
    }

    @Test
    void nextFreeSixteenWhenAHostRouteOverlapsSayingWhich() {
        PoolChoice c = PoolChoice.pick(routes("10.244.3.0/24", "10.245.0.0/16"));
        assertThat(c.pool()).hasToString("10.246.0.0/16");
        assertThat(c.reason()).hasValue("10.244.0.0/16 overlaps the host route 10.244.3.0/24; using 10.246.0.0/16");
    }

    @Test
    void noCandidateLeftNamesTheWayOut() {
        assertThatThrownBy(() -> PoolChoice.pick(routes("10.0.0.0/8"))).hasMessageContaining("pass --pool CIDR");
    }

    @Test
    void conflistIsCni100WithTheCalyxPluginAndIpam() throws Exception {
        JsonNode c = new ObjectMapper().readTree(Conflist.render("/var/log/calyx/cni.log", 0));
        assertThat(c.path("cniVersion").asText()).isEqualTo("1.0.0");
        assertThat(c.path("name").asText()).isEqualTo("calyx");
        List<String> types = new ArrayList<>();
        c.path("plugins").forEach(p -> types.add(p.path("type").asText()));
        assertThat(types).containsExactly("calyx");
        assertThat(c.path("plugins").get(0).path("ipam").path("type").asText()).isEqualTo("calyx-ipam");
        assertThat(c.path("plugins").get(0).path("mtu").asInt()).isZero();
        assertThatThrownBy(() -> Conflist.render("x", -1)).hasMessageContaining("mtu");
    }
}
