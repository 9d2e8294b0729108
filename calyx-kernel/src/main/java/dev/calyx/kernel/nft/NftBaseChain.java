package dev.calyx.kernel.nft;

import java.util.Locale;
import java.util.Objects;

/**
 * What makes a chain a base chain: its type, the netfilter hook it is attached to, the priority at that hook and
 * the verdict for packets that fall off its end. Ingress/egress hooks (which need a device) are not offered.
 */
public record NftBaseChain(Type type, Hook hook, int priority, Policy policy) {
    public NftBaseChain {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(policy, "policy");
        if (type == Type.NAT && hook == Hook.FORWARD) {
            throw new IllegalArgumentException("nft nat chains cannot hook forward");
        }
    }

    public static NftBaseChain filter(Hook hook, int priority, Policy policy) {
        return new NftBaseChain(Type.FILTER, hook, priority, policy);
    }

    /** {@code { type filter hook input priority 0; policy accept; }} */
    String render() {
        return "{ type " + type.keyword() + " hook " + hook.keyword() + " priority " + priority + "; policy "
                + policy.keyword() + "; }";
    }

    /** Chain types. */
    public enum Type {
        FILTER, NAT, ROUTE;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Netfilter hooks a base chain of an ip/ip6/inet table can attach to. */
    public enum Hook {
        PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Base chain policies. */
    public enum Policy {
        ACCEPT, DROP;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Standard priorities (nft's {@code raw}, {@code mangle}, {@code dstnat}, {@code filter}...). */
    public static final class Priority {
        public static final int RAW = -300;
        public static final int MANGLE = -150;
        public static final int DSTNAT = -100;
        public static final int FILTER = 0;
        public static final int SECURITY = 50;
        public static final int SRCNAT = 100;

        private Priority() {
        }
    }
}
