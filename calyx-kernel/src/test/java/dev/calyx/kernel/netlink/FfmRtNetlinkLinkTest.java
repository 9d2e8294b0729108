package dev.calyx.kernel.netlink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.testing.Ip;
import dev.calyx.kernel.testing.TestNamespaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("kernel")
class FfmRtNetlinkLinkTest {
    private final TestNamespaces namespaces = new TestNamespaces();
    private Netns host;
    private Netns pod;
    private FfmRtNetlink nl;

    @BeforeEach
    void setUp() {
        host = namespaces.create();
        pod = namespaces.create();
        nl = FfmRtNetlink.openIn(host);
    }

    @AfterEach
    void tearDown() {
        if (nl != null) {
            nl.close();
        }
        namespaces.close();
    }

    @Test
    void freshNamespaceHasOnlyLoopback() {
        assertThat(nl.links()).singleElement().satisfies(lo -> {
            assertThat(lo.name()).isEqualTo("lo");
            assertThat(lo.isLoopback()).isTrue();
            assertThat(lo.type()).isEqualTo(Arphrd.LOOPBACK);
        });
        assertThat(nl.linkByName("lo")).isPresent();
        assertThat(nl.linkByName("nope0")).isEmpty();
        assertThat(nl.linkByIndex(nl.link("lo").index())).map(Link::name).hasValue("lo");
    }

    @Test
    void vethPeerIsCreatedDirectlyInTheTargetNamespace() {
        MacAddress mac = MacAddress.parse("ee:ee:ee:ee:ee:ee");
        nl.addVeth(VethSpec.of("cali1234", "eth0").peerIn(pod).mtu(1450).mac(mac));
        nl.setLinkUp("cali1234");

        Link host1 = nl.link("cali1234");
        assertThat(host1.kind()).isEqualTo("veth");
        assertThat(host1.mtu()).isEqualTo(1450);
        assertThat(host1.mac()).hasValue(mac);
        assertThat(host1.isUp()).isTrue();
        assertThat(nl.linkByName("eth0")).isEmpty();

        JsonNode hostView = Ip.json(host.name(), "-d", "link", "show", "cali1234").get(0);
        assertThat(hostView.get("address").asText()).isEqualTo("ee:ee:ee:ee:ee:ee");
        assertThat(hostView.get("flags").toString()).contains("\"UP\"");
        assertThat(hostView.get("linkinfo").get("info_kind").asText()).isEqualTo("veth");
        JsonNode podView = Ip.json(pod.name(), "link", "show", "eth0").get(0);
        assertThat(podView.get("mtu").asInt()).isEqualTo(1450);
        try (FfmRtNetlink inPod = FfmRtNetlink.openIn(pod)) {
            Link eth0 = inPod.link("eth0");
            assertThat(eth0.parentIndex()).isEqualTo(host1.index());
            assertThat(host1.parentIndex()).isEqualTo(eth0.index());
        }
    }

    @Test
    void weReadWhatIpCreated() {
        Ip.ip(host.name(), "link", "add", "vA", "type", "veth", "peer", "name", "vB");
        Ip.ip(host.name(), "link", "set", "vA", "up", "mtu", "1400");

        assertThat(nl.links()).extracting(Link::name).containsExactlyInAnyOrder("lo", "vA", "vB");
        Link a = nl.link("vA");
        assertThat(a.isUp()).isTrue();
        assertThat(a.mtu()).isEqualTo(1400);
        assertThat(a.parentIndex()).isEqualTo(nl.link("vB").index());
    }

    @Test
    void linkAttributesCanBeChanged() {
        nl.addVeth(VethSpec.of("vA", "vB"));
        nl.renameLink("vA", "vC");
        nl.setMtu("vC", 1300);
        nl.setMac("vC", MacAddress.parse("02:00:00:00:00:01"));
        nl.setLinkUp("vC");
        nl.setLinkDown("vC");

        JsonNode c = Ip.json(host.name(), "link", "show", "vC").get(0);
        assertThat(c.get("mtu").asInt()).isEqualTo(1300);
        assertThat(c.get("address").asText()).isEqualTo("02:00:00:00:00:01");
        assertThat(nl.link("vC").isUp()).isFalse();
        assertThat(nl.linkByName("vA")).isEmpty();

        nl.moveToNetns("vB", pod);
        assertThat(nl.linkByName("vB")).isEmpty();
        assertThat(Ip.ip(pod.name(), "-o", "link")).contains("vB@");
    }

    @Test
    void deleteRemovesBothEndsAndReportsMissingLinks() {
        nl.addVeth(VethSpec.of("cali1", "eth0").peerIn(pod));
        nl.deleteLink("cali1");

        assertThat(nl.linkByName("cali1")).isEmpty();
        assertThat(Ip.ip(pod.name(), "-o", "link")).doesNotContain("eth0");
        assertThatThrownBy(() -> nl.deleteLink("cali1"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.errnoName()).isEqualTo("ENODEV");
                })
                .hasMessageStartingWith("delete link cali1: No such device (ENODEV)");
    }

    @Test
    void duplicateVethIsExistsWithTheKernelsExplanation() {
        nl.addVeth(VethSpec.of("vA", "vB"));

        assertThatThrownBy(() -> nl.addVeth(VethSpec.of("vA", "vX")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.isExists()).isTrue())
                .hasMessageStartingWith("add veth vA peer vX: File exists (EEXIST)");
    }

    @Test
    void handleOpenedInANamespaceWorksFromAnyThread() throws Exception {
        Link[] seen = new Link[1];
        Thread.ofVirtual().start(() -> seen[0] = nl.link("lo")).join();

        assertThat(seen[0].name()).isEqualTo("lo");
        assertThat(nl.netns().name()).isEqualTo(host.name());
    }
}
