package dev.calyx.agent.cni;

import static dev.calyx.agent.cni.ShimRun.env;
import static dev.calyx.agent.cni.ShimRun.podEnv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real shim process (exec'd with an empty environment from "/") against a real CniServer with a
 * stub handler: the CNI checklist items that concern the protocol, end to end.
 */
class ShimProcessTest {
    static final String CONF = "{\"cniVersion\":\"%s\",\"name\":\"k8s-pod-network\",\"type\":\"calyx\",\"mtu\":1450,"
            + "\"nodename\":\"node1\",\"ipam\":{\"type\":\"calyx-ipam\"}%s}";

    @TempDir
    Path tmp;
    Path socket;
    Path queue;
    StubHandler handler;
    CniServer server;

    @BeforeEach
    void start() throws Exception {
        socket = tmp.resolve("run/cni.sock");
        queue = tmp.resolve("queue");
        handler = new StubHandler();
        server = CniServer.start(socket, new CniDispatcher(handler));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String conf(String version, String extra) {
        return CONF.formatted(version, extra);
    }

    ShimRun shim(Map<String, String> env, String stdin) throws Exception {
        return ShimRun.run(ShimRun.javaCommand(socket, queue), env, stdin, true);
    }

    static void assertErrorObject(ShimRun run, int code) throws Exception {
        assertThat(run.exit()).as("exit code; stdout %s stderr %s", run.stdout(), run.stderr()).isNotZero();
        JsonNode json = run.json();
        assertThat(json.isObject()).isTrue();
        assertThat(Set.copyOf(iterable(json.fieldNames()))).isSubsetOf("cniVersion", "code", "msg", "details");
        assertThat(json.get("code").isInt()).isTrue();
        assertThat(json.get("code").asInt()).as(run.stdout()).isEqualTo(code);
        assertThat(json.get("msg").isTextual()).isTrue();
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void versionNeedsNoAgentNoEnvAndNeverReadsStdin() throws Exception {
        server.close();
        server = null;
        ShimRun run = ShimRun.run(ShimRun.javaCommand(socket, queue), env("CNI_COMMAND", "VERSION"), null, false);
        assertThat(run.exit()).isZero();
        assertThat(run.json().get("cniVersion").asText()).isEqualTo("1.1.0");
        assertThat(run.json().get("supportedVersions").toString()).contains("0.4.0", "1.0.0", "1.1.0");
    }

    @Test
    void noCommandPrintsAboutOnStderrAndExitsZero() throws Exception {
        ShimRun run = shim(env(), "");
        assertThat(run.exit()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("calyx CNI plugin", socket.toString(), "1.1.0");
    }

    @Test
    void unknownCommandIsCode4() throws Exception {
        ShimRun run = shim(env("CNI_COMMAND", "FOO"), "");
        assertErrorObject(run, 4);
        assertThat(run.json().get("msg").asText()).isEqualTo("unknown CNI_COMMAND: FOO");
    }

    @Test
    void missingVariablesAreNamedAllAtOnce() throws Exception {
        ShimRun run = shim(env("CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c1", "CNI_NETNS", ""), conf("1.0.0", ""));
        assertErrorObject(run, 4);
        assertThat(run.json().get("msg").asText()).contains("CNI_NETNS,CNI_IFNAME,CNI_PATH");
        assertThat(handler.calls).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNI_CONTAINERID=-bad", "CNI_IFNAME=waytoolonginterface", "CNI_IFNAME=..", "CNI_IFNAME=e:th0"})
    void badContainerIdOrInterfaceNameIsCode4(String override) throws Exception {
        String[] kv = override.split("=", 2);
        ShimRun run = shim(podEnv("ADD", kv[0], kv[1]), conf("1.0.0", ""));
        assertErrorObject(run, 4);
    }

    @Test
    void delWithoutNetnsIsForwardedAndSucceeds() throws Exception {
        Map<String, String> env = podEnv("DEL");
        env.remove("CNI_NETNS");
        ShimRun run = shim(env, conf("1.0.0", ""));
        assertThat(run.exit()).as(run.stdout()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(handler.calls("DEL")).singleElement().satisfies(r -> assertThat(r.netns()).isEmpty());
    }

    @Test
    void kubernetesArgsReachTheHandlerParsed() throws Exception {
        ShimRun run = shim(podEnv("ADD", "CNI_ARGS",
                "K8S_POD_UID=;IgnoreUnknown=1;K8S_POD_NAMESPACE=ns;K8S_POD_NAME=p;K8S_POD_INFRA_CONTAINER_ID=x;FOO=a=b"), conf("1.0.0", ""));
        assertThat(run.exit()).as(run.stdout()).isZero();
        CniArgs args = handler.calls("ADD").getFirst().args();
        assertThat(args.podNamespace()).contains("ns");
        assertThat(args.podName()).contains("p");
        assertThat(args.infraContainerId()).contains("x");
        assertThat(args.podUid()).isEmpty();
        assertThat(args.pairs()).containsEntry("FOO", "a=b");
    }

    @Test
    void truncatedJsonIsCode6AndStdoutHoldsOnlyTheErrorObject() throws Exception {
        ShimRun run = shim(podEnv("ADD"), "{\"cniVersion\":\"1.0.0\",\"name\":\"n");
        assertErrorObject(run, 6);
        assertThat(run.stdout().trim()).startsWith("{").endsWith("}");
    }

    @Test
    void missingOrInvalidNameIsCode7() throws Exception {
        assertErrorObject(shim(podEnv("ADD"), "{\"cniVersion\":\"1.0.0\",\"type\":\"calyx\"}"), 7);
        assertErrorObject(shim(podEnv("ADD"), "{\"cniVersion\":\"1.0.0\",\"name\":\"-bad name\",\"type\":\"calyx\"}"), 7);
    }

    @Test
    void versionsMissingUnknownAndGarbage() throws Exception {
        ShimRun missing = shim(podEnv("ADD"), "{\"name\":\"n\",\"type\":\"calyx\"}");
        assertErrorObject(missing, 1);
        ShimRun future = shim(podEnv("ADD"), conf("9.9.9", ""));
        assertErrorObject(future, 1);
        assertThat(future.json().get("details").asText()).contains("9.9.9", "0.4.0", "1.0.0", "1.1.0");
        assertErrorObject(shim(podEnv("ADD"), "{\"cniVersion\":\"one\",\"name\":\"n\",\"type\":\"calyx\"}"), 6);
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void unknownAndRuntimeInjectedKeysAreIgnoredAndBadPluginValuesAreCode7() throws Exception {
        String extra = ",\"args\":{\"cni\":{\"labels\":[]}},\"runtimeConfig\":{\"portMappings\":[]},"
                + "\"capabilities\":{\"portMappings\":true},\"cni.dev/foo\":1,\"snat\":true,\"kubernetes\":{\"kubeconfig\":\"/x\"}";
        ShimRun ok = shim(podEnv("ADD"), conf("1.0.0", extra));
        assertThat(ok.exit()).as(ok.stdout()).isZero();
        ShimRun badMtu = shim(podEnv("ADD"), conf("1.0.0", "").replace("1450", "\"big\""));
        assertErrorObject(badMtu, 7);
        assertThat(badMtu.json().get("msg").asText()).contains("mtu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"})
    void addResultIsInTheSchemaOfTheConfigVersion(String version) throws Exception {
        ShimRun run = shim(podEnv("ADD"), conf(version, ""));
        assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("cniVersion").asText()).isEqualTo(version);
        JsonNode pod = result.get("interfaces").get(1);
        assertThat(pod.get("name").asText()).isEqualTo("eth0");
        assertThat(pod.get("sandbox").asText()).isEqualTo("/var/run/netns/calyx-t-cni");
        assertThat(pod.get("mac").asText()).isEqualTo("0a:58:0a:f4:00:05");
        assertThat(result.get("interfaces").get(0).has("sandbox")).isFalse();
        for (JsonNode ip : result.get("ips")) {
            assertThat(ip.get("interface").asInt()).isEqualTo(1);
            assertThat(ip.get("address").asText()).contains("/");
            assertThat(ip.has("version")).isEqualTo(!version.startsWith("1."));
        }
        boolean v11 = version.equals("1.1.0");
        assertThat(pod.has("mtu")).isEqualTo(v11);
        assertThat(result.get("routes").get(0).has("table")).isEqualTo(v11);
        assertThat(run.stderr()).contains("stub handled ADD"); // diagnostics go to stderr, not stdout
    }

    @Test
    void checkNeeds040AndPrevResult() throws Exception {
        String prev = ",\"prevResult\":{\"cniVersion\":\"%s\",\"interfaces\":[{\"name\":\"eth0\",\"sandbox\":\"/n\"}],"
                + "\"ips\":[{\"version\":\"4\",\"address\":\"10.0.0.2/32\",\"interface\":0}]}";
        assertErrorObject(shim(podEnv("CHECK"), conf("0.3.1", prev.formatted("0.3.1"))), 1);
        assertErrorObject(shim(podEnv("CHECK"), conf("1.0.0", "")), 7);
        ShimRun ok = shim(podEnv("CHECK"), conf("0.4.0", prev.formatted("0.4.0")));
        assertThat(ok.exit()).as(ok.stdout()).isZero();
        assertThat(ok.stdout()).isEmpty();
        assertThat(handler.calls("CHECK")).singleElement()
                .satisfies(r -> assertThat(r.conf().prevResult().orElseThrow().ips().getFirst().address()).isEqualTo("10.0.0.2/32"));
    }

    @Test
    void statusNeedsOnlyCommandAndPathAndVersion110() throws Exception {
        ShimRun ok = shim(env("CNI_COMMAND", "STATUS", "CNI_PATH", "/usr/lib/cni"), conf("1.1.0", ""));
        assertThat(ok.exit()).as(ok.stdout()).isZero();
        assertThat(ok.stdout()).isEmpty();
        assertErrorObject(shim(env("CNI_COMMAND", "STATUS", "CNI_PATH", "/usr/lib/cni"), conf("1.0.0", "")), 1);
        handler.failWith = new CniException(50, "datastore not reachable");
        assertErrorObject(shim(env("CNI_COMMAND", "STATUS"), conf("1.1.0", "")), 50);
    }

    @Test
    void statusWithTheAgentDownIsCode50() throws Exception {
        server.close();
        server = null;
        ShimRun run = shim(env("CNI_COMMAND", "STATUS", "CNI_PATH", "/usr/lib/cni"), conf("1.1.0", ""));
        assertErrorObject(run, 50);
        assertThat(run.json().get("msg").asText()).contains(socket.toString());
    }

    @Test
    void gcNeedsNoContainerAndPassesValidAttachmentsIncludingTheAlias() throws Exception {
        Map<String, String> env = env("CNI_COMMAND", "GC", "CNI_PATH", "/usr/lib/cni");
        ShimRun run = shim(env, conf("1.1.0", ",\"cni.dev/valid-attachments\":[{\"containerID\":\"a1\",\"ifname\":\"eth0\"}]"));
        assertThat(run.exit()).as(run.stdout()).isZero();
        shim(env, conf("1.1.0", ",\"cni.dev/attachments\":null"));
        shim(env, conf("1.1.0", ""));
        List<CniRequest> gcs = handler.calls("GC");
        assertThat(gcs).hasSize(3);
        assertThat(gcs.get(0).conf().validAttachments().orElseThrow()).containsExactly(new NetConf.Attachment("a1", "eth0"));
        assertThat(gcs.get(1).conf().validAttachments()).contains(List.of());
        assertThat(gcs.get(2).conf().validAttachments()).isEmpty();
        assertErrorObject(shim(env, conf("1.0.0", "")), 1);
    }

    @Test
    void handlerErrorsKeepTheirCodeAndUnexpectedOnesAre999() throws Exception {
        handler.failWith = new CniException(CniErrorCodes.IPAM_EXHAUSTED, "no addresses left in pool default-ipv4-ippool", "10.244.0.0/16");
        ShimRun run = shim(podEnv("ADD"), conf("1.0.0", ""));
        assertErrorObject(run, CniErrorCodes.IPAM_EXHAUSTED);
        assertThat(run.json().get("details").asText()).isEqualTo("10.244.0.0/16");
        handler.failWith = new IllegalStateException("boom");
        assertErrorObject(shim(podEnv("ADD"), conf("1.0.0", "")), 999);
    }

    @Test
    void addWithTheAgentDownIsCode11NamingTheSocket() throws Exception {
        server.close();
        server = null;
        ShimRun run = shim(podEnv("ADD"), conf("1.0.0", ""));
        assertErrorObject(run, 11);
        assertThat(run.json().get("msg").asText()).contains(socket.toString());
        assertThat(run.json().get("cniVersion").asText()).isEqualTo("1.0.0");
        assertErrorObject(shim(env("CNI_COMMAND", "GC", "CNI_PATH", "/x"), conf("1.1.0", "")), 11);
    }

    @Test
    void delWithTheAgentDownIsQueuedAndReplayedExactlyOnce() throws Exception {
        server.close();
        server = null;
        ShimRun run = shim(podEnv("DEL"), conf("1.0.0", ""));
        assertThat(run.exit()).as(run.stdout()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("queued");
        DelQueue delQueue = new DelQueue(queue);
        assertThat(delQueue.pending()).hasSize(1);
        assertThat(Files.getPosixFilePermissions(queue)).hasSize(3); // rwx------

        server = CniServer.start(socket, new CniDispatcher(handler));
        DelQueue.Report first = delQueue.replay(new CniDispatcher(handler));
        DelQueue.Report second = delQueue.replay(new CniDispatcher(handler));
        assertThat(first.replayed()).isEqualTo(1);
        assertThat(second.replayed()).isZero();
        assertThat(handler.calls("DEL")).singleElement().satisfies(r -> {
            assertThat(r.containerId()).isEqualTo("c0ffee01");
            assertThat(r.ifName()).isEqualTo("eth0");
            assertThat(r.conf().name()).isEqualTo("k8s-pod-network");
        });
        assertThat(delQueue.pending()).isEmpty();
    }
}
