/**
 * What a CNI request means for a pod, Calico's way: identity and names ({@link dev.calyx.agent.pod.WorkloadIdentity}),
 * addresses ({@link dev.calyx.agent.pod.PodAddresses}), the WorkloadEndpoint resource
 * ({@link dev.calyx.agent.pod.WorkloadEndpoints}) and the verbs that tie them to the dataplane
 * ({@link dev.calyx.agent.pod.AgentCniHandler}).
 */
package dev.calyx.agent.pod;
