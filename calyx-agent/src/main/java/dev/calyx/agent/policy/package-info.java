/**
 * The agent's policy pipeline: {@link dev.calyx.agent.policy.PolicySyncer} lists and watches the kinds the calc graph
 * needs, {@link dev.calyx.agent.policy.PolicyDataplane} feeds them to the calc graph and the nft policy manager on
 * the dataplane loop, and gates CNI ADD until the pod's policy is in the kernel.
 */
package dev.calyx.agent.policy;
