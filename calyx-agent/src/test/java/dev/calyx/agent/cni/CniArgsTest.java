package dev.calyx.agent.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CniArgsTest {
    @Test
    void containerdStyleArgsInAnyOrderWithEmptyValue() {
        CniArgs args = CniArgs.parse("K8S_POD_NAME=web-0;K8S_POD_UID=;IgnoreUnknown=1;K8S_POD_NAMESPACE=prod;K8S_POD_INFRA_CONTAINER_ID=abc");
        assertThat(args.ignoreUnknown()).isTrue();
        assertThat(args.podName()).contains("web-0");
        assertThat(args.podNamespace()).contains("prod");
        assertThat(args.infraContainerId()).contains("abc");
        assertThat(args.podUid()).isEmpty();
        assertThat(args.pairs()).containsEntry("K8S_POD_UID", "");
        assertThat(args.isKubernetes()).isTrue();
    }

    @Test
    void valuesMaySplitOnlyOnTheFirstEquals() {
        CniArgs args = CniArgs.parse("IgnoreUnknown=true;LABELS=a=b,c==d;MAC=0a:58:00:00:00:01");
        assertThat(args.pairs()).containsEntry("LABELS", "a=b,c==d").containsEntry("MAC", "0a:58:00:00:00:01");
    }

    @Test
    void podmanSendsOnlyThePodNameAndIsNotKubernetes() {
        CniArgs args = CniArgs.parse("IgnoreUnknown=1;K8S_POD_NAME=happy_turing");
        assertThat(args.isKubernetes()).isFalse();
    }

    @Test
    void emptySegmentsAndEmptyStringAreFine() {
        assertThat(CniArgs.parse("").pairs()).isEmpty();
        assertThat(CniArgs.parse(null).pairs()).isEmpty();
        assertThat(CniArgs.parse(";;K8S_POD_NAME=x;").podName()).contains("x");
    }

    @Test
    void ignoreUnknownIsCaseInsensitiveAndUnknownKeysFailWithoutIt() {
        assertThat(CniArgs.parse("FOO=1;IgnoreUnknown=TRUE").ignoreUnknown()).isTrue();
        assertThatThrownBy(() -> CniArgs.parse("FOO=1;IgnoreUnknown=0")).isInstanceOf(CniException.class)
                .hasMessageContaining("FOO").extracting(e -> ((CniException) e).code()).isEqualTo(4);
        assertThatThrownBy(() -> CniArgs.parse("K8S_POD_NAME")).isInstanceOf(CniException.class)
                .hasMessageContaining("invalid CNI_ARGS pair");
        assertThatThrownBy(() -> CniArgs.parse("=v")).isInstanceOf(CniException.class);
    }
}
