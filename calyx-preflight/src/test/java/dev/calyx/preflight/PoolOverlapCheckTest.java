package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.ListResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pools against addresses and routes staged in a scratch netns (never the host's). */
@Tag("kernel")
class PoolOverlapCheckTest {
    private TestNetns ns;

    @BeforeEach
    void stageHostNetwork() {
        ns = new TestNetns();
        ns.ip("link", "add", "pfdummy0", "mtu", "9000", "type", "veth", "peer", "name", "pfdummy1", "mtu", "9000");
        ns.ip("link", "set", "pfdummy1", "up");
        ns.ip("link", "set", "pfdummy0", "up");
        ns.ip("addr", "add", "10.244.5.1/24", "dev", "pfdummy0");
        ns.ip("route", "add", "10.250.0.0/16", "via", "10.244.5.254");
        ns.ip("route", "add", "default", "via", "10.244.5.254");
        ns.ip("route", "add", "blackhole", "10.99.1.0/26");
    }

    @AfterEach
    void cleanup() {
        ns.close();
    }

    private List<CheckResult> run(PreflightContext ctx) {
        return new PoolOverlapCheck().run(ctx.withHostNetns(ns.name));
    }

    private PreflightContext ctx(String... pools) {
        return PreflightContext.forHost(Mode.VXLAN).withPools(List.of(pools).stream().map(IpPrefix::parse).toList());
    }

    @Test
    void netlinkAndIproute2SeeTheSameNetwork() {
        HostNetwork viaNetlink = new NetlinkHostNetworkReader(java.util.Optional.of(ns.name)).read();
        HostNetwork viaIp = new IpJsonHostNetworkReader(java.util.Optional.of(ns.name), PreflightContext.DEFAULT_TIMEOUT)
                .read();
        assertThat(routes(viaNetlink)).containsExactlyInAnyOrderElementsOf(routes(viaIp))
                .contains("10.250.0.0/16 pfdummy0 unicast", "10.99.1.0/26  blackhole", "0.0.0.0/0 pfdummy0 unicast");
        assertThat(viaNetlink.addresses()).containsExactlyInAnyOrderElementsOf(viaIp.addresses());
        assertThat(viaNetlink.link("pfdummy0").orElseThrow().mtu()).isEqualTo(9000);
        assertThat(viaNetlink.link("pfdummy0").orElseThrow().kind()).isEqualTo("veth");
    }

    private static List<String> routes(HostNetwork net) {
        return net.routes().stream().map(r -> r.dst() + " " + r.dev() + " " + r.type()).toList();
    }

    @Test
    void defaultPoolOverlappingAnAddressFailsWithAFreeSuggestion() {
        CheckResult r = run(ctx()).getFirst();
        assertThat(r.name()).isEqualTo("pool 10.244.0.0/16");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence()).contains("(default)", "address 10.244.5.1/24 on pfdummy0", "route 10.244.5.0/24");
        assertThat(r.fix()).contains("--pool 10.245.0.0/16");
    }

    @Test
    void routeOverlapFailsAndDefaultRouteAndOwnBlackholesDoNot() {
        List<CheckResult> rs = run(ctx("10.250.128.0/17", "10.99.0.0/16"));
        assertThat(rs.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(rs.get(0).evidence()).contains("route 10.250.0.0/16 dev pfdummy0");
        assertThat(rs.get(1).status()).as(rs.get(1).evidence()).isEqualTo(Status.PASS);
    }

    @Test
    void serviceCidrAndOtherPoolsCount() {
        List<CheckResult> rs = run(ctx("10.96.0.0/12", "172.20.0.0/16", "172.20.4.0/24")
                .withServiceCidr(IpPrefix.parse("10.96.0.0/16")));
        assertThat(rs.get(0).evidence()).contains("service CIDR 10.96.0.0/16");
        assertThat(rs.get(1).evidence()).contains("pool 172.20.4.0/24 (--pool)");
        assertThat(rs).allMatch(r -> r.status() == Status.FAIL);
    }

    @Test
    void unopenableDatastoreIsAFailRowNotACrash() {
        List<CheckResult> rs = run(ctx("10.70.0.0/16").withDatastore("nosuch:/tmp/x"));
        assertThat(rs.get(0).name()).isEqualTo("datastore");
        assertThat(rs.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(rs.get(0).evidence()).contains("nosuch");
        assertThat(rs.get(1).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aMissingEmbeddedDatabaseIsNotCreated(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        java.nio.file.Path db = tmp.resolve("calyx.db");
        List<CheckResult> rs = run(ctx("10.70.0.0/16").withDatastore("embedded:" + db));
        assertThat(rs.get(0).status()).isEqualTo(Status.PASS);
        assertThat(rs.get(0).evidence()).contains("not created yet");
        assertThat(db).doesNotExist();
    }

    @Test
    void datastorePoolsAreReadFromIpPoolJsonAndDisabledOverlapOnlyWarns() {
        List<PoolSource.Pool> fromStore = PoolSource.fromDatastore(new ListOnlyKvStore(new ListResult(List.of(
                kv("default-ipv4-ippool", "{\"spec\":{\"cidr\":\"10.250.0.0/16\",\"disabled\":true}}"),
                kv("v6", "{\"kind\":\"IPPool\",\"spec\":{\"cidr\":\"fd00:10:244::/48\",\"blockSize\":122}}")), 7)));
        assertThat(fromStore).extracting(p -> p.cidr().toString()).containsExactly("10.250.0.0/16", "fd00:10:244::/48");
        List<PoolSource.Pool> all = PoolSource.combine(List.of(), fromStore);
        HostNetwork net = new IpJsonHostNetworkReader(java.util.Optional.of(ns.name), PreflightContext.DEFAULT_TIMEOUT)
                .read();
        CheckResult disabled = PoolOverlapCheck.evaluate(all.get(0), all, net, ctx());
        assertThat(disabled.status()).isEqualTo(Status.WARN);
        assertThat(disabled.evidence()).contains("IPPool default-ipv4-ippool, disabled");
        assertThat(PoolOverlapCheck.evaluate(all.get(1), all, net, ctx()).status()).isEqualTo(Status.PASS);
    }

    private static KeyValue kv(String name, String json) {
        return new KeyValue(PoolSource.IPPOOL_PREFIX + name, json.getBytes(StandardCharsets.UTF_8), 1, 1, 1, 0);
    }
}
