/**
 * The network-policy lab: a small cluster of pods as network namespaces, every pod serving TCP and UDP 80/81, a
 * prober that fills the 9x9 reachability matrix, and the runner for the Kubernetes NetworkPolicy truth-table cases
 * of {@code shared/conformance/netpol}.
 *
 * <p>What the real agent replaces later sits behind two interfaces: {@link dev.calyx.lab.PodNetwork} (how a pod gets
 * its namespace and address) and {@link dev.calyx.lab.PolicySink} (where policies and labels go).
 */
package dev.calyx.lab;
