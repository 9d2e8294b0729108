package dev.calyx.agent.node;

import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Kind;
import dev.calyx.model.codec.ResourceCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Namespace {@code default} exists, as it does in every Kubernetes cluster. Pods whose runtime names no
 * namespace (podman passes only K8S_POD_NAME) land there, and their endpoints carry profile {@code kns.default};
 * without the Namespace that profile is missing and the policy dataplane drops all their traffic ("no profile
 * matched"). Like {@link DefaultPool}, only created when absent; never changed.
 */
public final class DefaultNamespace {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultNamespace.class);

    private DefaultNamespace() {
    }

    public static void ensure(Resources resources) {
        if (resources.get(Kind.KUBERNETES_NAMESPACE, null, "default").isPresent()) {
            return;
        }
        try {
            resources.create(ResourceCodec.INSTANCE.decode("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
                    + "\"metadata\":{\"name\":\"default\",\"labels\":{\"kubernetes.io/metadata.name\":\"default\"}}}",
                    "Namespace default"));
            LOG.info("created Namespace default (its profile kns.default admits pods without a namespace)");
        } catch (KeyExistsException e) {
            // another node created it first
        }
    }
}
